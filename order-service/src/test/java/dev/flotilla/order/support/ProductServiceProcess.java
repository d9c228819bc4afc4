package dev.flotilla.order.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flotilla.testing.MongoEngine;
import dev.flotilla.testing.RedisEngine;
import dev.flotilla.testing.SharedEngines;
import dev.flotilla.testing.TestJwtIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real product-service for order-service's tests: its packaged jar in a JVM of its own, on a free
 * port, against this test JVM's engines (the Mongo wire server in a database of its own, a Redis
 * database of its own) and {@link TestJwtIssuer}'s keys, so order-service's client meets the real API,
 * security and stock rules. {@link #stop()} and {@link #start()} take it down and bring it back at the
 * same address with the same data. Its log is {@code order-service/target/product-service*.log}.
 */
public final class ProductServiceProcess implements AutoCloseable {

    /** The run command's flags (local-platform): C1 only, serial GC, 256 MB heap. */
    public static final List<String> RUN_COMMAND_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");
    private static final AtomicInteger instances = new AtomicInteger();
    private static final AtomicInteger products = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JarProcess process;
    private final String adminToken = TestJwtIssuer.shared().token("order-tests-admin", "ADMIN");

    private ProductServiceProcess(JarProcess process) {
        this.process = process;
    }

    /** Starts product-service with the run command's flags, logging to {@code order-service/target/}. */
    public static ProductServiceProcess launch() {
        return launch(RUN_COMMAND_FLAGS, JarProcess.repositoryRoot().resolve("order-service").resolve("target"));
    }

    /** Starts product-service with these JVM flags, logging to {@code logs}. */
    public static ProductServiceProcess launch(List<String> jvmFlags, Path logs) {
        int instance = instances.incrementAndGet();
        MongoEngine mongo = SharedEngines.mongo();
        RedisEngine redis = SharedEngines.redis();
        Map<String, String> environment = Map.of(
                "FLOTILLA_PRODUCT_MONGODB_URI", mongo.uri("order_tests_products_" + instance),
                "FLOTILLA_REDIS_HOST", redis.host(),
                "FLOTILLA_REDIS_PORT", Integer.toString(redis.port()),
                "SPRING_DATA_REDIS_DATABASE", Integer.toString(redis.allocateDatabase()),
                "FLOTILLA_JWKS_URI", TestJwtIssuer.shared().jwkSetUri());
        String name = instance == 1 ? "product-service" : "product-service-" + instance;
        ProductServiceProcess service = new ProductServiceProcess(new JarProcess("product-service", name, jvmFlags,
                environment, logs));
        service.start();
        return service;
    }

    /** Starts the service again after {@link #stop()}, at the same address, with the same data. */
    public void start() {
        process.start();
    }

    /** Stops the service (gracefully, then by force); calls to it fail until {@link #start()}. */
    public void stop() {
        process.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Where order-service finds it, for {@code FLOTILLA_PRODUCT_SERVICE_URL}. */
    public String baseUrl() {
        return process.baseUrl();
    }

    public JarProcess process() {
        return process;
    }

    /** Creates an ACTIVE book (category fantasy) with this price and available stock; returns its id. */
    public String createProduct(String amount, String currency, long stock) {
        int n = products.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", "ORDER-TEST-" + ProcessHandle.current().pid() + "-" + n);
        body.put("name", "Order test book " + n);
        body.put("description", "A book that order-service's tests put in carts");
        body.put("category", "fantasy");
        body.put("price", Map.of("amount", amount, "currency", currency));
        body.put("attributes", Map.of("author", "Ursula K. Le Guin", "isbn", "978%010d".formatted(n)));
        body.put("status", "ACTIVE");
        body.put("initialStock", stock);
        JsonNode created = send(HttpRequest.newBuilder(uri("/api/products")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), 201);
        return created.get("id").asString();
    }

    /** A product's stock as product-service reports it now. */
    public Stock stock(String productId) {
        JsonNode product = send(HttpRequest.newBuilder(uri("/api/products/" + productId)).GET(), 200);
        return new Stock(product.get("availableStock").asLong(), product.get("reservedStock").asLong());
    }

    /** Gives a product a new price, as an administrator does: its details read, changed and replaced under If-Match. */
    public void changePrice(String productId, String amount) {
        JsonNode product = send(HttpRequest.newBuilder(uri("/api/products/" + productId)).GET(), 200);
        Map<String, Object> details = new LinkedHashMap<>();
        for (String field : List.of("sku", "name", "description", "category")) {
            details.put(field, product.get(field).asString());
        }
        details.put("price", Map.of("amount", amount, "currency", product.get("price").get("currency").asString()));
        details.put("attributes", JSON.convertValue(product.get("attributes"), Map.class));
        send(HttpRequest.newBuilder(uri("/api/products/" + productId)).header("Content-Type", "application/json")
                .header("If-Match", "\"" + product.get("version").asLong() + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(details))), 200);
    }

    /** Units that can still be reserved, and units held by reservations not yet confirmed or released. */
    public record Stock(long available, long reserved) {
    }

    private URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + adminToken)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("product-service answered " + response.statusCode() + " to "
                        + response.request().method() + " " + response.request().uri() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("product-service at " + baseUrl() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling product-service", e);
        }
    }
}
