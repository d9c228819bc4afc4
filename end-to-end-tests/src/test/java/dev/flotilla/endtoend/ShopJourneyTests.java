package dev.flotilla.endtoend;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's visit to the shop through the gateway, every step as a browser or an app would make
 * it, and what the administrator then sees: the catalogue, the cart, an idempotent checkout, the
 * orders, an image with its variants on a product, a cancellation, and the sales report.
 */
@ExtendWith(RunningPlatform.class)
class ShopJourneyTests {

    private static final Duration IMAGE_WAIT = Duration.ofSeconds(30);

    private static Shop shop;
    private static ShopClient admin;

    @BeforeAll
    static void start(Shop running) throws IOException, InterruptedException {
        shop = running;
        admin = shop.admin();
    }

    @Test
    void aCustomerBrowsesBuysCancelsAndTheSalesReportSaysSo() throws IOException, InterruptedException {
        String word = "Journey" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode book = Products.createBook(admin, "The " + word + " Chronicles", "18.40", 50);
        JsonNode headphones = Products.create(admin, word + " Studio Headphones", "headphones",
                Map.of("brand", "Flotilla Audio", "warrantyMonths", 24, "colour", "black"), "149.00", 10);
        String bookId = book.get("id").asString();
        String headphonesId = headphones.get("id").asString();

        // Registers and logs in; the same email again is refused.
        ShopClient customer = shop.newCustomer();
        ShopClient.Answer again = shop.anonymous().post("/api/users", Map.of("email", "Admin@flotilla.local",
                "password", Shop.PASSWORD, "displayName", "Someone", "countryCode", "DE", "preferredCurrency", "EUR"));
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();

        // Browses: a top-level category holds its sub-categories' products; filters by price; searches.
        assertThat(ids(customer.get("/api/products?category=books&size=100&sort=createdAt,desc").body(200)))
                .contains(bookId).doesNotContain(headphonesId);
        assertThat(ids(customer.get("/api/products?category=headphones&currency=EUR&minPrice=100&maxPrice=200").body(200)))
                .contains(headphonesId);
        assertThat(ids(customer.get("/api/products?category=headphones&currency=EUR&minPrice=150").body(200)))
                .doesNotContain(headphonesId);
        assertThat(ids(customer.get("/api/products/search?q=" + word).body(200))).containsExactlyInAnyOrder(bookId, headphonesId);
        assertThat(customer.get("/api/categories").body(200).toString()).contains("\"slug\":\"fantasy\"");

        // Fills the cart.
        assertThat(customer.addToCart(bookId, 2).status()).isIn(200, 201);
        JsonNode cart = customer.get("/api/cart").body(200);
        assertThat(cart.get("lines")).hasSize(1);
        assertThat(cart.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(cart.get("subtotal").asString()).isEqualTo("36.80");

        // Checks out; the same request again (a retry after a lost answer) gives the same order back.
        String key = UUID.randomUUID().toString();
        ShopClient.Answer placed = customer.checkout(key);
        JsonNode order = placed.body(201);
        assertThat(order.get("status").asString()).isEqualTo("PLACED");
        assertThat(order.get("totalsEur").get("subtotal").asString()).isEqualTo("36.80");
        ShopClient.Answer retried = customer.checkout(key);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().get("id")).isEqualTo(order.get("id"));
        assertThat(customer.get("/api/cart").body(200).get("lines")).isEmpty();

        // Lists and reads the order; another customer cannot.
        String orderId = order.get("id").asString();
        assertThat(customer.orders()).extracting(listed -> listed.get("id").asString()).containsExactly(orderId);
        assertThat(customer.get("/api/orders/" + orderId).body(200).get("lines").get(0).get("productId").asString())
                .isEqualTo(bookId);
        ShopClient.Answer stranger = shop.newCustomer().get("/api/orders/" + orderId);
        assertThat(stranger.status()).isEqualTo(404);

        // The administrator uploads a picture, waits for its variants and puts it on the product.
        String imageId = uploadAndAwaitVariants(admin);
        JsonNode withImage = admin.put("/api/products/" + headphonesId, replacement(headphones, imageId),
                "If-Match", "\"" + headphones.get("version").asLong() + "\"").body(200);
        assertThat(withImage.get("imageIds").get(0).asString()).isEqualTo(imageId);
        assertThat(customer.get("/api/products/" + headphonesId).body(200).get("imageIds").get(0).asString()).isEqualTo(imageId);

        // Buys the headphones, then cancels that order.
        assertThat(customer.addToCart(headphonesId, 1).status()).isIn(200, 201);
        JsonNode second = customer.checkout(UUID.randomUUID().toString()).body(201);
        JsonNode cancelled = customer.post("/api/orders/" + second.get("id").asString() + "/cancel",
                Map.of("reason", "ordered by mistake")).body(200);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        ShopClient.Answer twice = customer.post("/api/orders/" + second.get("id").asString() + "/cancel", Map.of());
        assertThat(twice.status()).as("%s", twice).isEqualTo(409);

        // The report: the book's order counts, the cancelled one does not.
        List<JsonNode> orders = customer.orders();
        assertThat(orders).hasSize(2);
        SalesReport.awaitExactly(admin, SalesReport.expected(List.of(bookId, headphonesId), orders));
        assertThat(SalesReport.expected(List.of(bookId, headphonesId), orders).get(headphonesId))
                .isEqualTo(SalesReport.Totals.NONE);
    }

    @Test
    void theGatewayKeepsServiceOnlyAndForgedRequestsOut() throws IOException, InterruptedException {
        ShopClient customer = shop.newCustomer();
        // Stock reservations are service-to-service only: not routed, whoever asks.
        ShopClient.Answer stock = admin.get("/api/stock/reservations/order-1");
        assertThat(stock.status()).isEqualTo(404);
        assertThat(stock.isProblem()).isTrue();
        // A token that user-service did not sign.
        String[] parts = admin.token().split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        ShopClient.Answer refused = shop.anonymous().withToken(forged).get("/api/orders");
        assertThat(refused.status()).isEqualTo(401);
        // A checkout with a missing field says which.
        ShopClient.Answer bad = customer.post("/api/orders", "{\"currency\": \"EUR\"}", "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.body()).contains("shippingAddress");
        // The dashboard is served at the gateway's root for the administrator's browser.
        HttpResponse<byte[]> dashboard = customer.getBytes("/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    /** The product's details as created, with the image. */
    private static Map<String, Object> replacement(JsonNode product, String imageId) {
        return Map.of("sku", product.get("sku").asString(), "name", product.get("name").asString(),
                "description", product.get("description").asString(), "category", product.get("category").asString(),
                "price", Map.of("amount", product.get("price").get("amount").asString(), "currency", "EUR"),
                "attributes", ShopClient.JSON.convertValue(product.get("attributes"), Map.class),
                "imageIds", List.of(imageId));
    }

    /** Uploads a PNG as a browser's file input would, waits until it is READY, and fetches its thumbnail. */
    private static String uploadAndAwaitVariants(ShopClient client) throws IOException, InterruptedException {
        String boundary = "e2e-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tile.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        ShopClient.Answer uploaded = client.send(client.request("/api/images")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, png(), tail))));
        String statusUrl = uploaded.body(202).get("statusUrl").asString();
        long deadline = System.nanoTime() + IMAGE_WAIT.toNanos();
        JsonNode image = client.get(statusUrl).body(200);
        while (!image.get("status").asString().equals("READY") && System.nanoTime() < deadline) {
            assertThat(image.get("status").asString()).as("%s", image).isIn("QUEUED", "PROCESSING");
            Thread.sleep(200);
            image = client.get(statusUrl).body(200);
        }
        assertThat(image.get("status").asString()).as("%s", image).isEqualTo("READY");
        HttpResponse<byte[]> thumbnail = shop.anonymous().getBytes(image.get("variants").get("thumbnail").get("url").asString());
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail.body()))).isNotNull();
        return image.get("id").asString();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x2E5E8C));
        graphics.fillRect(0, 0, 640, 480);
        graphics.setColor(Color.ORANGE);
        graphics.fillOval(160, 120, 320, 240);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
