package dev.flotilla.endtoend;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client of the shop: requests to the gateway from one client address, with the access token it
 * got by logging in, and every answer kept whole (status, headers, body) for the test to judge.
 */
final class ShopClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CHECKOUT = """
            {"shippingAddress": {"name": "Ada Lovelace", "line1": "1 Main St", "city": "Berlin", "postalCode": "10115", \
            "country": "DE"}, "currency": "EUR", \
            "payment": {"cardNumber": "4242424242424242", "expiryMonth": 12, "expiryYear": 2031}}""";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String gateway;
    private final HttpClient http;
    private String token;

    /** An answer of the gateway; {@code json} is null unless the body is JSON. */
    record Answer(int status, HttpHeaders headers, String body, JsonNode json) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        boolean isProblem() {
            return headers.firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        }

        /** The body as JSON, which it must be. */
        JsonNode body(int expectedStatus) {
            assertThat(status).as("%s", this).isEqualTo(expectedStatus);
            assertThat(json).as("a JSON body: %s", this).isNotNull();
            return json;
        }

        @Override
        public String toString() {
            return status + " " + headers.firstValue("Content-Type").orElse("") + " " + body;
        }
    }

    /** {@code address}: the local address its connections come from; null for the system's choice. */
    ShopClient(String gateway, InetAddress address) {
        this.gateway = gateway;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (address != null) {
            builder.localAddress(address);
        }
        this.http = builder.build();
    }

    void login(String email, String password) throws IOException, InterruptedException {
        Answer answer = post("/api/auth/login", Map.of("email", email, "password", password));
        token = answer.body(200).get("accessToken").asString();
    }

    /** The access token it holds (null before it logged in). */
    String token() {
        return token;
    }

    /** From now on, sends this token instead. */
    ShopClient withToken(String token) {
        this.token = token;
        return this;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Answer post(String path, Object body, String... headers) throws IOException, InterruptedException {
        return send("POST", path, body, headers);
    }

    Answer put(String path, Object body, String... headers) throws IOException, InterruptedException {
        return send("PUT", path, body, headers);
    }

    /** {@code body}: a String is sent as it is, anything else as JSON; {@code headers}: names and values. */
    Answer send(String method, String path, Object body, String... headers) throws IOException, InterruptedException {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** Puts {@code quantity} units of the product in the cart (more of it if it is there already). */
    Answer addToCart(String productId, int quantity) throws IOException, InterruptedException {
        return post("/api/cart/lines", Map.of("productId", productId, "quantity", quantity));
    }

    /** Checks out the cart to the test address with the card that is approved. */
    Answer checkout(String idempotencyKey) throws IOException, InterruptedException {
        return post("/api/orders", CHECKOUT, "Idempotency-Key", idempotencyKey);
    }

    /** Every order of this customer, all pages. */
    List<JsonNode> orders() throws IOException, InterruptedException {
        List<JsonNode> orders = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = get("/api/orders?size=100&page=" + page).body(200);
            answer.get("items").forEach(orders::add);
            if (page + 1 >= answer.get("totalPages").asInt()) {
                return orders;
            }
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode json = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
        return new Answer(response.statusCode(), response.headers(), response.body(), json);
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
