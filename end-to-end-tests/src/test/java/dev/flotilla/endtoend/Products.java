package dev.flotilla.endtoend;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Products an administrator creates through the gateway for one test, and their stock as the catalogue shows it. */
final class Products {

    private static final Duration SETTLE_WAIT = Duration.ofSeconds(60);

    private Products() {
    }

    /** An active book of its own (a unique SKU and title word), priced in euros; returns it as created. */
    static JsonNode createBook(ShopClient admin, String title, String price, long stock) throws IOException, InterruptedException {
        return create(admin, title, "fantasy", Map.of("author", "Test Author", "isbn", "9780060512750", "language", "en"),
                price, stock);
    }

    static JsonNode create(ShopClient admin, String name, String category, Map<String, Object> attributes, String price,
            long stock) throws IOException, InterruptedException {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", "E2E-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase());
        product.put("name", name);
        product.put("description", "End-to-end test product: " + name);
        product.put("category", category);
        product.put("price", Map.of("amount", price, "currency", "EUR"));
        product.put("attributes", attributes);
        product.put("status", "ACTIVE");
        product.put("initialStock", stock);
        return admin.post("/api/products", product).body(201);
    }

    static JsonNode get(ShopClient client, String id) throws IOException, InterruptedException {
        return client.get("/api/products/" + id).body(200);
    }

    /**
     * Waits until every unit is accounted for: the units sold have left the stock (their reservations
     * confirmed), so available plus reserved is the initial stock less those; returns the product then.
     * Reserved units may remain held by checkouts that failed while product-service could not be told
     * to release them; they return when their reservation expires.
     */
    static JsonNode awaitSettled(ShopClient client, String id, long initialStock, long unitsSold)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SETTLE_WAIT.toNanos();
        while (true) {
            JsonNode product = get(client, id);
            long held = product.get("availableStock").asLong() + product.get("reservedStock").asLong();
            if (held == initialStock - unitsSold || System.nanoTime() > deadline) {
                assertThat(held).as("available + reserved of %s after %d units sold: %s", id, unitsSold, product)
                        .isEqualTo(initialStock - unitsSold);
                return product;
            }
            Thread.sleep(250);
        }
    }
}
