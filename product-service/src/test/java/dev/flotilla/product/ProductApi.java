package dev.flotilla.product;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flotilla.testing.TestJwtIssuer;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Calls of the product-service API used by many tests, with tokens of the test issuer. */
public final class ProductApi {

    public static final String ADMIN = TestJwtIssuer.shared().token("admin-1", "ADMIN", "CUSTOMER");
    /** order-service's client-credentials token: role SERVICE, audience product-service. */
    public static final String SERVICE = TestJwtIssuer.shared().serviceToken(TestJwtIssuer.CLIENT_ID,
            List.of(TestJwtIssuer.AUDIENCE));
    public static final String CUSTOMER = TestJwtIssuer.shared().token("customer-1", "CUSTOMER");
    private static final AtomicInteger skus = new AtomicInteger();

    private final MockMvc mvc;
    private final JsonMapper json = JsonMapper.builder().build();

    public ProductApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    public static String newSku() {
        return "SKU-" + System.nanoTime() % 1_000_000_000 + "-" + skus.incrementAndGet();
    }

    /** An active book in the fantasy category (books > fiction > fantasy). */
    public static Map<String, Object> book(String name, String price, long stock) {
        Map<String, Object> body = new HashMap<>();
        body.put("sku", newSku());
        body.put("name", name);
        body.put("description", "A novel about " + name.toLowerCase());
        body.put("category", "fantasy");
        body.put("price", Map.of("amount", price, "currency", "EUR"));
        body.put("attributes", Map.of("author", "J. R. R. Tolkien", "isbn", "9780261103344"));
        body.put("status", "ACTIVE");
        body.put("initialStock", stock);
        return body;
    }

    /** An active pair of running shoes. */
    public static Map<String, Object> shoe(String name, String price, double euSize, String colour) {
        Map<String, Object> body = new HashMap<>();
        body.put("sku", newSku());
        body.put("name", name);
        body.put("description", "Light shoes for long runs");
        body.put("category", "running-shoes");
        body.put("price", Map.of("amount", price, "currency", "EUR"));
        body.put("attributes", Map.of("euSize", euSize, "colour", colour));
        body.put("status", "ACTIVE");
        body.put("initialStock", 5);
        return body;
    }

    public JsonNode create(Map<String, Object> product) throws Exception {
        return read(as(ADMIN, post("/api/products"), product).andExpect(status().isCreated()));
    }

    public String createBook(long stock) throws Exception {
        return create(book("Stock Book " + skus.incrementAndGet(), "10.00", stock)).get("id").asString();
    }

    public ResultActions reserve(String reservationId, List<Map<String, Object>> lines) throws Exception {
        return as(SERVICE, post("/api/stock/reservations"), Map.of("reservationId", reservationId, "lines", lines));
    }

    public static Map<String, Object> line(String productId, long quantity) {
        return Map.of("productId", productId, "quantity", quantity);
    }

    public ResultActions as(String token, MockHttpServletRequestBuilder request, Object body) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    public ResultActions as(String token, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token));
    }

    public JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
