package dev.flotilla.product;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flotilla.sweep.ApiSweep;
import dev.flotilla.sweep.OpenApiContract;
import dev.flotilla.sweep.SetupClient;
import dev.flotilla.sweep.SweepReport;
import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import dev.flotilla.testing.TestJwks;
import dev.flotilla.testing.TestJwtIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented operation swept with valid, hostile and malformed requests as admin, service and
 * customer (see api-sweep), and the OpenAPI document checked for its error contract.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RealEngines({Engine.MONGODB, Engine.REDIS})
@TestJwks
class ApiSweepTests {

    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    static final AtomicInteger reservations = new AtomicInteger();
    String productId;
    String sku;
    String reservationId;
    String reservationToConfirm;

    @BeforeEach
    void createAProductAndAReservation() throws Exception {
        JsonNode product = body(send("POST", "/api/products", book(), ProductApi.ADMIN));
        productId = product.get("id").asString();
        sku = product.get("sku").asString();
        reservationId = body(send("POST", "/api/stock/reservations", reservation(), ProductApi.SERVICE))
                .get("reservationId").asString();
        // Its own reservation: the sweep releases the other one before it gets to confirming.
        reservationToConfirm = body(send("POST", "/api/stock/reservations", reservation(), ProductApi.SERVICE))
                .get("reservationId").asString();
    }

    @Test
    void noOperationFailsAcceptsWhatItMustRefuseOrAnswersAnErrorThatIsNotAProblem() {
        SweepReport report = sweep().token("admin", ProductApi.ADMIN).token("service", ProductApi.SERVICE)
                .token("customer", ProductApi.CUSTOMER).exclude(operations(true)).run();

        assertThat(report.isClean()).as("%s", report).isTrue();
    }

    /** The stock operations take only order-service's token: with it first, the sweep's valid requests get through. */
    @Test
    void noStockOperationFailsAcceptsWhatItMustRefuseOrAnswersAnErrorThatIsNotAProblem() {
        SweepReport report = sweep().token("service", ProductApi.SERVICE).token("admin", ProductApi.ADMIN)
                .token("customer", ProductApi.CUSTOMER).exclude(operations(false)).run();

        assertThat(report.isClean()).as("%s", report).isTrue();
    }

    private ApiSweep sweep() {
        TestJwtIssuer issuer = TestJwtIssuer.shared();
        return ApiSweep.onPort(port)
                .rejectedToken("expired", issuer.sign(issuer.claims("admin-1", Duration.ofMinutes(-5), "ADMIN").build()))
                .rejectedToken("another issuer", issuer.sign(issuer.claims("admin-1", Duration.ofMinutes(5), "ADMIN")
                        .issuer("someone-else").build()))
                .pathValue("/api/products/{id}", "id", productId)
                .pathValue("/api/products/sku/{sku}", "sku", sku)
                .pathValue("/api/stock/reservations/{id}", "id", reservationId)
                .pathValue("/api/stock/reservations/{id}/confirm", "id", reservationToConfirm)
                .value("currency", "EUR")
                .body("POST /api/products", this::book)
                .body("PUT /api/products/{id}", this::details)
                .header("PUT /api/products/{id}", "If-Match", this::currentEtag)
                .body("PUT /api/products/{id}/status", () -> Map.of("status", "ACTIVE"))
                .body("POST /api/stock/reservations", this::reservation)
                .maxRequestsPerOperation(250).timeLimit(Duration.ofSeconds(60));
    }

    /** The documented operations, as the sweep names them, outside the stock API or in it. */
    private String[] operations(boolean stock) {
        try {
            JsonNode paths = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body()).get("paths");
            List<String> operations = new ArrayList<>();
            paths.forEachEntry((path, item) -> item.forEachEntry((method, operation) -> {
                if (path.startsWith("/api/stock/") == stock && METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }));
            return operations.toArray(String[]::new);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the API document", e);
        }
    }

    @Test
    void theDocumentTellsClientsHowEveryOperationFails() {
        assertThat(OpenApiContract.of(URI.create("http://127.0.0.1:" + port)).violations()).isEmpty();
    }

    /** A book with plenty of stock, its price a JSON number as documented. */
    private Map<String, Object> book() {
        Map<String, Object> book = new HashMap<>(ProductApi.book("Swept Book", "9.90", 1_000_000));
        book.put("price", Map.of("amount", new BigDecimal("9.90"), "currency", "EUR"));
        return book;
    }

    /** What {@code PUT /api/products/{id}} replaces: no status, no stock. */
    private Map<String, Object> details() {
        Map<String, Object> details = book();
        details.remove("status");
        details.remove("initialStock");
        return details;
    }

    private String currentEtag() {
        try {
            return send("GET", "/api/products/" + productId, null, ProductApi.ADMIN).headers().firstValue("ETag").orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the product's ETag", e);
        }
    }

    private Map<String, Object> reservation() {
        return Map.of("reservationId", "sweep-" + System.nanoTime() + "-" + reservations.incrementAndGet(),
                "lines", List.of(Map.of("productId", productId, "quantity", 1)));
    }

    private HttpResponse<String> send(String method, String path, Object body, String token) throws Exception {
        return new SetupClient(port).send(method, path, body, token);
    }

    private JsonNode body(HttpResponse<String> response) {
        return new SetupClient(port).ok(response);
    }
}
