package dev.flotilla.order.support;

import java.io.UncheckedIOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness itself: the real product-service starts from its jar, takes products, stops and comes back. */
class ProductServiceProcessTests {

    private static ProductServiceProcess productService;

    @BeforeAll
    static void startProductService() {
        productService = ProductServiceProcess.launch();
    }

    @AfterAll
    static void stopProductService() {
        productService.close();
    }

    @Test
    void createsAnActiveProductWithItsStock() {
        String id = productService.createProduct("12.50", "EUR", 7);

        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(productService.stock(id)).isEqualTo(new ProductServiceProcess.Stock(7, 0));
    }

    @Test
    void keepsItsDataAndAddressAcrossARestart() {
        String id = productService.createProduct("3.00", "EUR", 2);
        String address = productService.baseUrl();

        productService.stop();
        assertThat(productService.process().alive()).isFalse();
        assertThatThrownBy(() -> productService.stock(id)).isInstanceOf(UncheckedIOException.class);

        productService.start();
        assertThat(productService.baseUrl()).isEqualTo(address);
        assertThat(productService.stock(id).available()).isEqualTo(2);
    }

    @Test
    void saysHowToBuildAJarThatIsMissing() {
        assertThatIllegalStateException().isThrownBy(() -> JarProcess.jar("no-such-service"))
                .withMessageContaining("./mvnw -pl no-such-service -am package");
    }
}
