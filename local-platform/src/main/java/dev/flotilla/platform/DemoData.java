package dev.flotilla.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Something to look at once the platform is up, put there over HTTP as any client would: the
 * administrator logs in and creates active products across the top-level categories of the reference
 * data, with stock; a demo customer registers and puts two of them in its cart. The engines start empty
 * at every run, so this runs once per run.
 */
final class DemoData {

    static final String CUSTOMER_EMAIL = "demo@flotilla.local";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final String userService;
    private final String productService;
    private final String orderService;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * What was seeded: the number of products, the demo customer's password (null until it registered),
     * the cart lines added, and why seeding stopped early (null if it did not).
     */
    record Seeded(int products, String customerPassword, int cartLines, String failure) {
    }

    DemoData(HttpClient http, String userService, String productService, String orderService) {
        this.http = http;
        this.userService = userService;
        this.productService = productService;
        this.orderService = orderService;
    }

    /** Seeds everything it can; the first call that fails ends it, and the result says which and what was done. */
    Seeded seed(String adminEmail, String adminPassword, String customerPassword) throws InterruptedException {
        List<String> productIds = new ArrayList<>();
        String registered = null;
        int cartLines = 0;
        try {
            String admin = login(adminEmail, adminPassword);
            for (Map<String, Object> product : products()) {
                productIds.add(call("POST", productService + "/api/products", admin, product, 201).get("id").asString());
            }
            call("POST", userService + "/api/users", null, Map.of("email", CUSTOMER_EMAIL, "password", customerPassword,
                    "displayName", "Demo Customer", "countryCode", "DE", "preferredCurrency", "EUR"), 201);
            registered = customerPassword;
            String customer = login(CUSTOMER_EMAIL, customerPassword);
            for (String productId : List.of(productIds.get(0), productIds.get(3))) {
                call("POST", orderService + "/api/cart/lines", customer, Map.of("productId", productId, "quantity", 1),
                        201, 200);
                cartLines++;
            }
            return new Seeded(productIds.size(), registered, cartLines, null);
        } catch (IOException | RuntimeException e) {
            // RuntimeException: an answer that is not the JSON expected.
            return new Seeded(productIds.size(), registered, cartLines, String.valueOf(e.getMessage()));
        }
    }

    private String login(String email, String password) throws IOException, InterruptedException {
        return call("POST", userService + "/api/auth/login", null, Map.of("email", email, "password", password), 200)
                .get("accessToken").asString();
    }

    /** One active product per top-level category, each with the attributes its category's schema requires. */
    private static List<Map<String, Object>> products() {
        return List.of(
                product("DEMO-BOOK-1", "The Dispossessed", "fantasy", "11.90", 40,
                        Map.of("author", "Ursula K. Le Guin", "isbn", "9780060512750", "language", "en")),
                product("DEMO-HEADPHONES-1", "Quiet Commute Headphones", "headphones", "129.00", 25,
                        Map.of("brand", "Flotilla Audio", "warrantyMonths", 24, "colour", "black")),
                product("DEMO-TSHIRT-1", "Organic Cotton T-Shirt", "mens-t-shirts", "19.50", 120,
                        Map.of("size", "M", "colour", "navy", "material", "organic cotton")),
                product("DEMO-RUNNER-1", "Long Run Trainers", "running-shoes", "89.95", 30,
                        Map.of("euSize", 42.5, "colour", "orange")),
                product("DEMO-COFFEE-1", "Pour-Over Coffee Maker", "coffee-machines", "34.00", 60,
                        Map.of("material", "borosilicate glass", "dishwasherSafe", true)),
                product("DEMO-TENT-1", "Two-Person Trekking Tent", "tents", "249.00", 12,
                        Map.of("brand", "Ridgeline", "weightGrams", 1450)),
                product("DEMO-GAME-1", "Harbour Pilots Board Game", "board-games", "39.90", 45,
                        Map.of("minimumAge", 10, "players", "2-5")),
                product("DEMO-SUNSCREEN-1", "Mineral Sunscreen SPF 50", "sunscreen", "14.25", 80,
                        Map.of("brand", "Shoreline", "volumeMl", 100)));
    }

    private static Map<String, Object> product(String sku, String name, String category, String price, long stock,
            Map<String, Object> attributes) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", sku);
        product.put("name", name);
        product.put("description", "Demo product of the local platform: " + name);
        product.put("category", category);
        product.put("price", Map.of("amount", price, "currency", "EUR"));
        product.put("attributes", attributes);
        product.put("status", "ACTIVE");
        product.put("initialStock", stock);
        return product;
    }

    private JsonNode call(String method, String url, String token, Object body, int... expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
            }
        }
        throw new IOException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
    }
}
