package dev.flotilla.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package by feature, kept honest: no cycles; the aggregates and the live counters know no stream. */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.flotilla.analytics");

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("dev.flotilla.analytics.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theAggregatesAndCountersKnowNothingOfTheConsumer() {
        noClasses().that().resideInAnyPackage("dev.flotilla.analytics.aggregate..", "dev.flotilla.analytics.live..")
                .should().dependOnClassesThat().resideInAPackage("dev.flotilla.analytics.consumer..").check(MAIN);
    }
}
