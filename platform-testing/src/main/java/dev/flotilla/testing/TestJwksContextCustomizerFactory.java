package dev.flotilla.testing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Applies {@link TestJwks}; registered in {@code META-INF/spring.factories}. */
class TestJwksContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, TestJwks.class) ? new Customizer() : null;
    }

    /** All instances are equal: every context gets the same JVM-wide issuer. */
    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            TestJwtIssuer issuer = TestJwtIssuer.shared();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("flotillaTestJwks", Map.of(
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwkSetUri())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
