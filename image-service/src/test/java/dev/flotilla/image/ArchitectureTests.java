package dev.flotilla.image;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Package by feature, kept honest: no cycles; the queue and the store know nothing of images, so that
 * either could serve another feature; only the processing knows how a job becomes renditions.
 */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.flotilla.image");

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("dev.flotilla.image.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theQueueTheStoreAndTheDatabaseKnowNoImage() {
        noClasses().that().resideInAnyPackage("dev.flotilla.image.job..", "dev.flotilla.image.storage..",
                        "dev.flotilla.image.sqlite..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.flotilla.image.image..", "dev.flotilla.image.upload..",
                        "dev.flotilla.image.processing..")
                .check(MAIN);
    }

    @Test
    void nothingDependsOnTheProcessing() {
        noClasses().that().resideOutsideOfPackage("dev.flotilla.image.processing..")
                .should().dependOnClassesThat().resideInAPackage("dev.flotilla.image.processing..").check(MAIN);
    }

    @Test
    void featuresDoNotDependOnTheApplicationsWiring() {
        noClasses().that().resideOutsideOfPackage("dev.flotilla.image")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Security")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Application")
                .check(MAIN);
    }
}
