package dev.flotilla.platform;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something to look at once the platform is up, put there over HTTP as any client would: the
 * administrator logs in and creates active products across the top-level categories of the reference
 * data, with stock; a demo customer registers and puts two of them in its cart; the administrator
 * uploads pictures of some products to image-service ({@link DemoImages}). The engines keep their
 * data between runs, so this runs on the first start only ({@link Platform}).
 */
final class DemoData {

    static final String CUSTOMER_EMAIL = "demo@flotilla.local";
    /** How long the image workers get to make the variants of the demo pictures. */
    private static final Duration IMAGES_READY_WAIT = Duration.ofSeconds(15);

    private final JsonHttp http;
    private final String userService;
    private final String productService;
    private final String orderService;
    private final DemoImages images;

    /**
     * What was seeded: the number of products, the demo customer's password (null until it registered),
     * the cart lines added, the thumbnails' URLs of the images that became READY, and why seeding
     * stopped early (null if it did not).
     */
    record Seeded(int products, String customerPassword, int cartLines, List<String> thumbnails, String failure) {
    }

    DemoData(HttpClient http, String userService, String productService, String orderService, String imageService) {
        this.http = new JsonHttp(http);
        this.userService = userService;
        this.productService = productService;
        this.orderService = orderService;
        this.images = new DemoImages(this.http, imageService, IMAGES_READY_WAIT);
    }

    /** Seeds everything it can; the first call that fails ends it, and the result says which and what was done. */
    Seeded seed(String adminEmail, String adminPassword, String customerPassword) throws InterruptedException {
        List<String> productIds = new ArrayList<>();
        String registered = null;
        int cartLines = 0;
        try {
            String admin = login(adminEmail, adminPassword);
            for (Map<String, Object> product : products()) {
                productIds.add(http.send("POST", productService + "/api/products", admin, product, 201).get("id")
                        .asString());
            }
            http.send("POST", userService + "/api/users", null, Map.of("email", CUSTOMER_EMAIL, "password",
                    customerPassword, "displayName", "Demo Customer", "countryCode", "DE", "preferredCurrency", "EUR"), 201);
            registered = customerPassword;
            String customer = login(CUSTOMER_EMAIL, customerPassword);
            for (String productId : List.of(productIds.get(0), productIds.get(3))) {
                http.send("POST", orderService + "/api/cart/lines", customer, Map.of("productId", productId,
                        "quantity", 1), 201, 200);
                cartLines++;
            }
            // Last: the slowest step, and the others do not depend on it.
            List<String> thumbnails = images.upload(admin);
            return new Seeded(productIds.size(), registered, cartLines, thumbnails, null);
        } catch (IOException | RuntimeException e) {
            // RuntimeException: an answer that is not the JSON expected.
            return new Seeded(productIds.size(), registered, cartLines, List.of(), String.valueOf(e.getMessage()));
        }
    }

    private String login(String email, String password) throws IOException, InterruptedException {
        return http.send("POST", userService + "/api/auth/login", null, Map.of("email", email, "password", password),
                200).get("accessToken").asString();
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
}
