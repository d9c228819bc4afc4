package dev.flotilla.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.flotilla.testing.TestJwtIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** order-service's HTTP API as a client sees it, for the flow tests: real requests over loopback. */
final class OrderApi {

    static final String APPROVES = "4242424242424242";
    static final String DECLINES = "4000000000009995";
    static final String TIMES_OUT = "4000000000000119";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;

    OrderApi(int port) {
        this.port = port;
    }

    /** A new customer: a user id and a token for it. */
    static Customer newCustomer() {
        UUID id = UUID.randomUUID();
        return new Customer(id, TestJwtIssuer.shared().token(id.toString(), "CUSTOMER"));
    }

    /** Adds to the cart, and fails the test if that is refused: a flow test needs a filled cart. */
    HttpResponse<String> addToCart(Customer customer, String productId, int quantity) {
        HttpResponse<String> response = send("POST", "/api/cart/lines", Map.of("productId", productId, "quantity", quantity),
                customer.token(), null);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("adding to the cart answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    HttpResponse<String> checkout(Customer customer, String idempotencyKey, Map<String, Object> body) {
        return send("POST", "/api/orders", body, customer.token(), idempotencyKey);
    }

    HttpResponse<String> send(String method, String path, Object body, String token, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A checkout body to Germany, in euros, with this card. */
    static Map<String, Object> checkoutBody(String cardNumber) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", "Ada Lovelace");
        address.put("line1", "1 Main St");
        address.put("city", "Berlin");
        address.put("postalCode", "10115");
        address.put("country", "DE");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shippingAddress", address);
        body.put("currency", "EUR");
        body.put("payment", Map.of("cardNumber", cardNumber, "expiryMonth", 12, "expiryYear", 2031));
        return body;
    }

    /** A signed-in customer. */
    record Customer(UUID id, String token) {
    }
}
