package dev.flotilla.order;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.flotilla.order.OrderApi.Customer;
import dev.flotilla.order.support.ProductServiceProcess;
import dev.flotilla.sweep.ApiSweep;
import dev.flotilla.sweep.OpenApiContract;
import dev.flotilla.sweep.SweepReport;
import dev.flotilla.testing.TestJwtIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented operation swept with valid, hostile and malformed requests as admin, customer and
 * service (see api-sweep), and the OpenAPI document checked for its error contract. Afterwards no
 * bad request has left an order behind: every stored order came from a valid checkout.
 */
@OrderServiceTest
class ApiSweepTests {

    static final ProductServiceProcess products = SharedProductService.instance();

    @DynamicPropertySource
    static void productService(DynamicPropertyRegistry registry) {
        SharedProductService.register(registry, products);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    String productId;
    String orderId;
    Customer customer;
    String admin;

    @BeforeEach
    void aProductAndAnOrder() {
        OrderApi api = new OrderApi(port);
        productId = products.createProduct("2.50", "EUR", 1_000_000);
        customer = OrderApi.newCustomer();
        UUID adminId = UUID.randomUUID();
        admin = TestJwtIssuer.shared().token(adminId.toString(), "ADMIN");
        api.addToCart(customer, productId, 1);
        orderId = OrderApi.json(api.checkout(customer, UUID.randomUUID().toString(), OrderApi.checkoutBody(OrderApi.APPROVES)))
                .get("id").asString();
        api.addToCart(customer, productId, 1);
        api.addToCart(new Customer(adminId, admin), productId, 1);
    }

    @Test
    void noOperationFailsAcceptsWhatItMustRefuseOrAnswersAnErrorThatIsNotAProblem() {
        TestJwtIssuer issuer = TestJwtIssuer.shared();
        SweepReport report = ApiSweep.onPort(port)
                .token("admin", admin).token("customer", customer.token()).token("service", issuer.serviceToken())
                .rejectedToken("expired", issuer.sign(issuer.claims(customer.id().toString(), Duration.ofMinutes(-5), "CUSTOMER").build()))
                .rejectedToken("another issuer", issuer.sign(issuer.claims(customer.id().toString(), Duration.ofMinutes(5), "CUSTOMER")
                        .issuer("someone-else").build()))
                .pathValue("/api/orders/{id}", "id", orderId)
                .pathValue("/api/cart/lines/{productId}", "productId", productId)
                .value("productId", productId).value("country", "DE").value("currency", "EUR")
                .body("POST /api/cart/lines", () -> Map.of("productId", productId, "quantity", 1))
                .body("PUT /api/cart/lines/{productId}", () -> Map.of("quantity", 1))
                .body("POST /api/orders", () -> OrderApi.checkoutBody(OrderApi.APPROVES))
                .header("POST /api/orders", "Idempotency-Key", () -> UUID.randomUUID().toString())
                // Cancelling the real order is sent only with ids that must not match it.
                .destructive("POST /api/orders/{id}/cancel")
                .maxRequestsPerOperation(250).timeLimit(Duration.ofSeconds(90))
                .run();

        assertThat(report.isClean()).as("%s", report).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from orders where status not in ('PLACED', 'CANCELLED')", Long.class))
                .isZero();
    }

    @Test
    void theDocumentTellsClientsHowEveryOperationFails() {
        assertThat(OpenApiContract.of(URI.create("http://127.0.0.1:" + port)).violations()).isEmpty();
    }
}
