package dev.flotilla.order;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import dev.flotilla.order.OrderApi.Customer;
import dev.flotilla.order.support.ProductServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * product-service goes away between filling the cart and checking out: the checkout fails fast with
 * 503 problem+json and Retry-After, stores nothing, holds no stock and charges nothing; once
 * product-service is back (and the circuit breaker lets calls through again), the same request with
 * the same key places the order.
 */
@OrderServiceTest
@TestPropertySource(properties = {"flotilla.order.product-service.read-timeout=1s",
        "flotilla.order.product-service.call-budget=2500ms"})
class ProductServiceDownTests {

    static final ProductServiceProcess products = ProductServiceProcess.launch();

    @DynamicPropertySource
    static void productService(DynamicPropertyRegistry registry) {
        SharedProductService.register(registry, products);
    }

    @AfterAll
    static void stopProductService() {
        products.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void checkoutFailsFastWith503AndLeavesNothingBehind() {
        OrderApi api = new OrderApi(port);
        String product = products.createProduct("4.00", "EUR", 6);
        Customer customer = OrderApi.newCustomer();
        assertThat(api.addToCart(customer, product, 2).statusCode()).isBetween(200, 201);
        String key = UUID.randomUUID().toString();
        products.stop();
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                long started = System.nanoTime();
                HttpResponse<String> refused = api.checkout(customer, key, OrderApi.checkoutBody(OrderApi.APPROVES));

                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
            }
            assertThat(jdbc.queryForObject("select count(*) from orders", Long.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from payment", Long.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from outbox_event", Long.class)).isZero();
        } finally {
            products.start();
        }
        assertThat(products.stock(product)).isEqualTo(new ProductServiceProcess.Stock(6, 0));
        // A request that failed with a 5xx may be retried with the same key.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> api.checkout(customer,
                key, OrderApi.checkoutBody(OrderApi.APPROVES)).statusCode() == 201);
        assertThat(jdbc.queryForObject("select count(*) from orders", Long.class)).isOne();
    }
}
