package dev.flotilla.order;

import dev.flotilla.order.support.ProductServiceProcess;
import dev.flotilla.testing.TestJwtIssuer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real product-service per test JVM for the tests that only use it (starting one costs seconds);
 * a test that stops product-service starts its own. Stopped at JVM exit.
 */
final class SharedProductService {

    private SharedProductService() {
    }

    static ProductServiceProcess instance() {
        return Holder.INSTANCE;
    }

    /** Points order-service at this product-service and at the test issuer's token endpoint. */
    static void register(DynamicPropertyRegistry registry, ProductServiceProcess products) {
        registry.add("flotilla.order.product-service.base-url", products::baseUrl);
        registry.add("spring.security.oauth2.client.provider.user-service.token-uri", () -> TestJwtIssuer.shared().tokenUri());
        registry.add("spring.security.oauth2.client.registration.product-service.client-secret", () -> TestJwtIssuer.CLIENT_SECRET);
    }

    private static final class Holder {
        static final ProductServiceProcess INSTANCE = ProductServiceProcess.launch();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(INSTANCE::close, "product-service-stop"));
        }
    }
}
