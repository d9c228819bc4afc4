package dev.flotilla.product;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.flotilla.product.catalogue.Product;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A product id means one product everywhere: 24 hexadecimal digits in either case, lower-cased at the
 * edge; anything else is a 400 naming the field, in a path or in a reservation line.
 */
@ProductServiceTest
class ProductIdTests {


    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    ProductApi api;

    @BeforeEach
    void setUp() {
        api = new ProductApi(mvc);
    }

    @Test
    void twoSpellingsOfOneProductInOneReservationAreADuplicateAndHoldNothing() throws Exception {
        String product = api.createBook(100);
        api.reserve("case-oversell", List.of(ProductApi.line(product, 60),
                ProductApi.line(product.toUpperCase(Locale.ROOT), 60)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("lines[1].productId"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(product)));

        assertThat(stock(product)).isEqualTo(new Product.Stock(100, 0));
        api.as(ProductApi.SERVICE, get("/api/stock/reservations/case-oversell")).andExpect(status().isNotFound());
    }

    @Test
    void anUpperCaseIdIsTheSameProductForReadsWritesAndReservations() throws Exception {
        String product = api.createBook(10);
        String upper = product.toUpperCase(Locale.ROOT);
        mvc.perform(get("/api/products/" + upper)).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(product));

        api.as(ProductApi.ADMIN, post("/api/products/" + upper + "/stock-adjustments"), Map.of("delta", 5, "reason", "delivery"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(product));
        // Both spellings share one cache entry, so the write evicted what the upper-case read cached.
        mvc.perform(get("/api/products/" + upper)).andExpect(jsonPath("$.availableStock").value(15));
        mvc.perform(get("/api/products/" + product)).andExpect(jsonPath("$.availableStock").value(15));

        api.reserve("case-upper", List.of(ProductApi.line(upper, 3))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines[0].productId").value(product));
        api.as(ProductApi.SERVICE, post("/api/stock/reservations/case-upper/confirm")).andExpect(status().isOk());
        assertThat(stock(product)).isEqualTo(new Product.Stock(12, 0));
        api.as(ProductApi.ADMIN, put("/api/products/" + upper + "/status"), Map.of("status", "ARCHIVED"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ARCHIVED"));
    }

    /** 23 and 25 digits, not hex, blank-padded, a reservation id, an ObjectId with a NUL. */
    static Stream<String> malformedIds() {
        return Stream.of("0123456789abcdef0123456", "0123456789abcdef012345678", "zzzzzzzzzzzzzzzzzzzzzzzz",
                " 0123456789abcdef01234567", "order-1", "0123456789abcdef0123456\u0000");
    }

    /** The same without the NUL, which in a path never reaches the controller (see below). */
    static Stream<String> malformedPathIds() {
        return malformedIds().filter(id -> id.indexOf('\u0000') < 0);
    }

    @ParameterizedTest
    @MethodSource("malformedPathIds")
    void malformedIdsInPathsAreBadRequestsNamingTheId(String id) throws Exception {
        assertBadId(mvc.perform(get("/api/products/{id}", id)), "id");
        assertBadId(api.as(ProductApi.ADMIN, put("/api/products/{id}/status", id), Map.of("status", "ACTIVE")), "id");
        assertBadId(api.as(ProductApi.ADMIN, post("/api/products/{id}/stock-adjustments", id),
                Map.of("delta", 1, "reason", "count")), "id");
        assertBadId(api.as(ProductApi.ADMIN, put("/api/products/{id}", id).header("If-Match", "\"1\""),
                ProductApi.book("Replaced", "5.00", 1)), "id");
    }

    @Test
    void aNulInAPathIsRefusedBeforeAnyController() throws Exception {
        // Spring Security's firewall refuses an encoded NUL anywhere in a path, answered as a problem.
        mvc.perform(get("/api/products/{id}", "0123456789abcdef0123456\u0000")).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        api.as(ProductApi.ADMIN, put("/api/products/{id}/status", "0123456789abcdef0123456\u0000"), Map.of("status", "ACTIVE"))
                .andExpect(status().isBadRequest());
    }

    @ParameterizedTest
    @MethodSource("malformedIds")
    void malformedIdsInReservationLinesAreBadRequestsNamingTheLine(String id) throws Exception {
        String product = api.createBook(5);
        assertBadId(api.reserve("bad-line-" + Math.abs(id.hashCode()), List.of(ProductApi.line(product, 1),
                ProductApi.line(id, 1))), "lines[1].productId");
        assertThat(stock(product)).isEqualTo(new Product.Stock(5, 0));
    }

    @Test
    void aWellFormedIdOfNoProductIsNotFound() throws Exception {
        mvc.perform(get("/api/products/ABCDEF0123456789ABCDEF01")).andExpect(status().isNotFound());
        api.reserve("no-such-product", List.of(ProductApi.line("ABCDEF0123456789ABCDEF01", 1)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.shortages[0].productId").value("abcdef0123456789abcdef01"))
                .andExpect(jsonPath("$.shortages[0].problem").value("NOT_FOUND"));
    }

    private static void assertBadId(ResultActions result, String field) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                // A NUL is refused by the input policy of every text field, before the id rule sees it.
                .andExpect(jsonPath("$.errors[0].message").value(anyOf(is("must be a product id: 24 hexadecimal digits"),
                        startsWith("contains a control character"))));
    }

    private Product.Stock stock(String productId) {
        return mongo.findById(productId, Product.class).stock();
    }
}
