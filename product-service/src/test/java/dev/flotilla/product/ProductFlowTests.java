package dev.flotilla.product;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flotilla.product.catalogue.Product;
import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import dev.flotilla.testing.TestJwks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The service over real HTTP, as order-service and shoppers use it, under contention. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RealEngines({Engine.MONGODB, Engine.REDIS})
@TestJwks
class ProductFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void twoHundredSimultaneousSingleUnitReservationsAgainstFiftyUnitsLetExactlyFiftyThrough() throws Exception {
        String product = create(50);
        AtomicInteger negativeSeen = new AtomicInteger();
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(32)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String reservation = "flow-" + i;
                results.add(threads.submit(() -> {
                    int status = send("POST", "/api/stock/reservations", Map.of("reservationId", reservation,
                            "lines", List.of(Map.of("productId", product, "quantity", 1))), ProductApi.SERVICE).statusCode();
                    if (stock(product).available() < 0) {
                        negativeSeen.incrementAndGet();
                    }
                    return status;
                }));
            }
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        }
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(50);
        assertThat(statuses).filteredOn(status -> status != 201).containsOnly(409);
        assertThat(negativeSeen).hasValue(0);
        assertThat(stock(product)).isEqualTo(new Product.Stock(0, 50));
        assertThat(mongo.findById(product, Product.class).holds()).hasSize(50);
    }

    @Test
    void retriesOfOneReservationRacingEachOtherHoldItOnce() throws Exception {
        String product = create(10);
        Map<String, Object> request = Map.of("reservationId", "flow-retry",
                "lines", List.of(Map.of("productId", product, "quantity", 3)));
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(10)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(threads.submit(() -> send("POST", "/api/stock/reservations", request, ProductApi.SERVICE).statusCode()));
            }
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        }
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status != 201).allMatch(status -> status == 200 || status == 409);
        assertThat(stock(product)).isEqualTo(new Product.Stock(7, 3));
    }

    @Test
    void aShopperFindsAProductThatOrderServiceReservesAndConfirms() throws Exception {
        String product = create(2);
        JsonNode found = json.readTree(send("GET", "/api/products/search?q=flow", null, null).body());
        assertThat(found.get("items").values()).extracting(item -> item.get("id").asString()).contains(product);

        assertThat(send("POST", "/api/stock/reservations", Map.of("reservationId", "flow-order",
                "lines", List.of(Map.of("productId", product, "quantity", 2))), ProductApi.SERVICE).statusCode()).isEqualTo(201);
        JsonNode shown = json.readTree(send("GET", "/api/products/" + product, null, null).body());
        assertThat(shown.get("inStock").asBoolean()).isFalse();
        assertThat(send("POST", "/api/stock/reservations/flow-order/confirm", null, ProductApi.SERVICE).statusCode()).isEqualTo(200);
        assertThat(stock(product)).isEqualTo(new Product.Stock(0, 0));
    }

    private String create(long stock) throws Exception {
        HttpResponse<String> response = send("POST", "/api/products", ProductApi.book("Flow Book", "9.90", stock), ProductApi.ADMIN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    private Product.Stock stock(String productId) {
        return mongo.findById(productId, Product.class).stock();
    }

    private HttpResponse<String> send(String method, String path, Object body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
