package dev.flotilla.testing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Finds {@link RealEngines} on a test class (its superclasses, or the enclosing class of a
 * {@code @Nested} class) and returns the customizer that points the context at the engines.
 * Registered in {@code META-INF/spring.factories}.
 */
class RealEnginesContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        RealEngines annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, RealEngines.class);
        if (annotation == null) {
            return null;
        }
        if (annotation.value().length == 0) {
            throw new IllegalStateException("@RealEngines on " + testClass.getName() + " names no engine");
        }
        Set<Engine> engines = EnumSet.copyOf(List.of(annotation.value()));
        return new RealEnginesContextCustomizer(engines, outermostTestClass(testClass));
    }

    /** @Nested classes share the data of the class they are nested in. */
    private static Class<?> outermostTestClass(Class<?> testClass) {
        Class<?> current = testClass;
        while (TestContextAnnotationUtils.searchEnclosingClass(current)) {
            current = current.getEnclosingClass();
        }
        return current;
    }
}
