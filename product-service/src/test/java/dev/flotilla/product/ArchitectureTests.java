package dev.flotilla.product;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Package by feature, kept honest: no cycles between features, and the web edge knows no feature. */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.flotilla.product");

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("dev.flotilla.product.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void featuresDoNotDependOnTheApplicationsWiring() {
        noClasses().that().resideOutsideOfPackage("dev.flotilla.product")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Security")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Application")
                .check(MAIN);
    }
}
