package dev.flotilla.order;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Package by feature, kept honest: no cycles between features; the checkout orchestrates, nothing
 * depends on it; pricing and payments know no order; the outbox knows only the event contract.
 */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.flotilla.order");

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("dev.flotilla.order.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void nothingDependsOnTheCheckout() {
        noClasses().that().resideOutsideOfPackage("dev.flotilla.order.checkout..")
                .should().dependOnClassesThat().resideInAPackage("dev.flotilla.order.checkout..").check(MAIN);
    }

    @Test
    void pricingPaymentsAndTheOutboxKnowNoOrder() {
        noClasses().that().resideInAnyPackage("dev.flotilla.order.pricing..", "dev.flotilla.order.payment..",
                        "dev.flotilla.order.outbox..", "dev.flotilla.order.catalogue..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.flotilla.order.order..", "dev.flotilla.order.cart..")
                .check(MAIN);
    }

    @Test
    void featuresDoNotDependOnTheApplicationsWiring() {
        noClasses().that().resideOutsideOfPackage("dev.flotilla.order")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Security")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Application")
                .check(MAIN);
    }
}
