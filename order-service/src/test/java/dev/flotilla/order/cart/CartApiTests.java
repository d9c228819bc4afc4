package dev.flotilla.order.cart;

import java.util.UUID;

import dev.flotilla.order.catalogue.StubProductService;
import dev.flotilla.testing.TestJwtIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The cart endpoints: what a customer sees, what bad input gets, and who may call. */
@CartTest
class CartApiTests {

    private static final StubProductService PRODUCTS = StubProductService.start();
    private static final String BOOK = PRODUCTS.product("65f0c0ffee0000000000b001", "Dune", "19.99", "EUR");
    private static final String PEN = PRODUCTS.product("65f0c0ffee0000000000b002", "Pen", "2.50", "EUR");
    private static final String DRAFT = PRODUCTS.product("65f0c0ffee0000000000b003", "Draft", "1.00", "EUR", "DRAFT");

    @Autowired
    MockMvc mvc;

    @Autowired
    StringRedisTemplate redis;

    private final UUID user = UUID.randomUUID();

    @DynamicPropertySource
    static void productService(DynamicPropertyRegistry properties) {
        properties.add("flotilla.order.product-service.base-url", PRODUCTS::baseUrl);
    }

    @AfterAll
    static void stop() {
        PRODUCTS.close();
    }

    @Test
    void aCustomerAddsProductsAndSeesThemPriced() throws Exception {
        add(BOOK, 2).andExpect(status().isOk()).andExpect(jsonPath("$.productId").value(BOOK))
                .andExpect(jsonPath("$.quantity").value(2));
        add(BOOK.toUpperCase(), 1).andExpect(jsonPath("$.quantity").value(3));
        add(PEN, 4).andExpect(status().isOk());

        as(get("/api/cart")).andExpect(status().isOk())
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[0].productId").value(BOOK))
                .andExpect(jsonPath("$.lines[0].name").value("Dune"))
                .andExpect(jsonPath("$.lines[0].quantity").value(3))
                .andExpect(jsonPath("$.lines[0].unitPrice.amount").value("19.99"))
                .andExpect(jsonPath("$.lines[0].currentPrice.amount").value("19.99"))
                .andExpect(jsonPath("$.lines[0].priceChanged").value(false))
                .andExpect(jsonPath("$.lines[0].lineTotal").value("59.97"))
                .andExpect(jsonPath("$.units").value(7))
                .andExpect(jsonPath("$.subtotal").value("69.97"))
                .andExpect(jsonPath("$.tax").value("0.00"))
                .andExpect(jsonPath("$.total").value("69.97"))
                .andExpect(jsonPath("$.pricesCurrent").value(true));
    }

    @Test
    void theTotalsComeInTheAskedCurrencyWithTheCountrysTax() throws Exception {
        add(BOOK, 1);

        as(get("/api/cart").param("currency", "EUR").param("country", "DE")).andExpect(status().isOk())
                .andExpect(jsonPath("$.country").value("DE"))
                .andExpect(jsonPath("$.taxRate").value("19"))
                .andExpect(jsonPath("$.tax").value("3.80"))
                .andExpect(jsonPath("$.total").value("23.79"));
        as(get("/api/cart").param("currency", "JPY")).andExpect(status().isOk())
                .andExpect(jsonPath("$.currency").value("JPY"))
                .andExpect(jsonPath("$.subtotal").value(org.hamcrest.Matchers.matchesPattern("[0-9]+")));
    }

    @Test
    void aPriceChangedSinceAddingIsFlaggedAndTheTotalsUseTheCurrentOne() throws Exception {
        String mug = PRODUCTS.product("65f0c0ffee0000000000b004", "Mug", "8.00", "EUR");
        add(mug, 2);
        PRODUCTS.product(mug, "Mug", "9.00", "EUR");

        as(get("/api/cart")).andExpect(jsonPath("$.lines[0].unitPrice.amount").value("8.00"))
                .andExpect(jsonPath("$.lines[0].currentPrice.amount").value("9.00"))
                .andExpect(jsonPath("$.lines[0].priceChanged").value(true))
                .andExpect(jsonPath("$.total").value("18.00"));
    }

    @Test
    void theCartIsShownWhenProductServiceCannotAnswer() throws Exception {
        add(PEN, 1);
        for (int i = 0; i < 3; i++) {
            PRODUCTS.answerNext("/api/products/" + PEN, 503);
        }

        as(get("/api/cart")).andExpect(status().isOk()).andExpect(jsonPath("$.pricesCurrent").value(false))
                .andExpect(jsonPath("$.lines[0].currentPrice").value(nullValue()))
                .andExpect(jsonPath("$.total").value("2.50"));
    }

    @Test
    void aProductNoLongerOnSaleIsShownUnavailableAndCountsForNothing() throws Exception {
        String lamp = PRODUCTS.product("65f0c0ffee0000000000b005", "Lamp", "30.00", "EUR");
        add(lamp, 1);
        add(PEN, 1);
        PRODUCTS.product(lamp, "Lamp", "30.00", "EUR", "ARCHIVED");

        as(get("/api/cart")).andExpect(jsonPath("$.lines[0].available").value(false))
                .andExpect(jsonPath("$.lines[0].lineTotal").value(nullValue()))
                .andExpect(jsonPath("$.total").value("2.50"));
    }

    @Test
    void settingAndRemovingLinesAndEmptyingTheCart() throws Exception {
        add(BOOK, 2);
        as(put("/api/cart/lines/" + BOOK).contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":5}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.quantity").value(5));
        as(put("/api/cart/lines/" + PEN).contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":5}"))
                .andExpect(status().isNotFound());
        as(delete("/api/cart/lines/" + PEN)).andExpect(status().isNotFound());
        as(delete("/api/cart/lines/" + BOOK)).andExpect(status().isNoContent());
        as(delete("/api/cart/lines/" + BOOK)).andExpect(status().isNotFound());
        add(PEN, 1);
        as(delete("/api/cart")).andExpect(status().isNoContent());

        as(get("/api/cart")).andExpect(jsonPath("$.lines.length()").value(0)).andExpect(jsonPath("$.total").value("0.00"));
        assertThat(redis.hasKey(Carts.key(user))).isFalse();
    }

    @Test
    void callsToProductServiceJoinTheCallersTrace() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        as(post("/api/cart/lines").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON).content("{\"productId\":\"%s\",\"quantity\":1}".formatted(PEN)))
                .andExpect(status().isOk());

        assertThat(PRODUCTS.requests("/api/products/" + PEN).getLast().traceparent()).startsWith("00-" + traceId + "-");
    }

    @Test
    void aProductNotOnSaleCannotBeAdded() throws Exception {
        add(DRAFT, 1).andExpect(status().isUnprocessableContent()).andExpect(problem());
        add("65f0c0ffee0000000000beef", 1).andExpect(status().isUnprocessableContent());

        assertThat(redis.hasKey(Carts.key(user))).isFalse();
    }

    @Test
    void aLimitIsAProblemNamingIt() throws Exception {
        add(BOOK, 20);

        add(BOOK, 1).andExpect(status().isUnprocessableContent()).andExpect(problem())
                .andExpect(jsonPath("$.limit").value("quantity-per-line")).andExpect(jsonPath("$.maximum").value(20));
        as(put("/api/cart/lines/" + BOOK).contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":21}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.limit").value("quantity-per-line"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"productId\":\"65f0c0ffee0000000000b001\"}", "{\"quantity\":1}",
            "{\"productId\":\"65f0c0ffee0000000000b001\",\"quantity\":0}",
            "{\"productId\":\"65f0c0ffee0000000000b001\",\"quantity\":-1}",
            "{\"productId\":\"65f0c0ffee0000000000b001\",\"quantity\":1001}",
            "{\"productId\":\"65f0c0ffee0000000000b001\",\"quantity\":1000000000000}",
            "{\"productId\":\"65f0c0ffee0000000000b001\",\"quantity\":1.5}",
            "{\"productId\":\"65f0c0ffee0000000000b001\",\"quantity\":\"2\"}",
            "{\"productId\":\"65f0c0ffee0000000000b001\",\"quantity\":null}",
            "{\"productId\":\"65f0c0ffee0000000000b00\",\"quantity\":1}",
            "{\"productId\":\"65f0c0ffee0000000000b001x\",\"quantity\":1}",
            "{\"productId\":\"../../etc/passwd\",\"quantity\":1}", "{\"productId\":17,\"quantity\":1}",
            "{\"productId\":\"65f0c0ffee0000000000b001\",\"quantity\":1,\"price\":\"0.01\"}",
            "[]", "not json", ""})
    void badInputToAddIsA400AndStoresNothing(String body) throws Exception {
        as(post("/api/cart/lines").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest()).andExpect(problem());

        assertThat(redis.hasKey(Carts.key(user))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"quantity\":0}", "{\"quantity\":-3}", "{\"quantity\":5000}", "{\"quantity\":\"x\"}",
            "{\"quantity\":2,\"productId\":\"65f0c0ffee0000000000b001\"}"})
    void badInputToSetIsA400AndChangesNothing(String body) throws Exception {
        add(BOOK, 2);

        as(put("/api/cart/lines/" + BOOK).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest()).andExpect(problem());

        as(get("/api/cart")).andExpect(jsonPath("$.lines[0].quantity").value(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"65f0c0ffee0000000000b00", "65f0c0ffee0000000000b001a", "zzf0c0ffee0000000000b001", "x"})
    void aMalformedProductIdInThePathIsA400(String id) throws Exception {
        as(put("/api/cart/lines/" + id).contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":1}"))
                .andExpect(status().isBadRequest()).andExpect(problem());
        as(delete("/api/cart/lines/" + id)).andExpect(status().isBadRequest()).andExpect(problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"currency=eur", "currency=EURO", "country=de", "country=DEU", "currency="})
    void malformedViewParametersAreA400(String query) throws Exception {
        as(get("/api/cart?" + query)).andExpect(status().isBadRequest()).andExpect(problem());
    }

    @Test
    void aCurrencyOrdersCannotBePaidInIsUnprocessable() throws Exception {
        as(get("/api/cart").param("currency", "XAU")).andExpect(status().isUnprocessableContent()).andExpect(problem());
    }

    @Test
    void onlySignedInUsersHaveCartsAndEachSeesOnlyTheirOwn() throws Exception {
        add(BOOK, 1);

        mvc.perform(get("/api/cart")).andExpect(status().isUnauthorized()).andExpect(problem());
        mvc.perform(get("/api/cart").header("Authorization", "Bearer " + TestJwtIssuer.shared().token("order-service",
                "SERVICE"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/cart").header("Authorization", "Bearer " + TestJwtIssuer.shared().token("not-a-uuid",
                "CUSTOMER"))).andExpect(status().isForbidden()).andExpect(problem());
        mvc.perform(get("/api/cart").header("Authorization", "Bearer " + TestJwtIssuer.shared()
                .token(UUID.randomUUID().toString(), "ADMIN"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(0));
    }

    private ResultActions add(String productId, int quantity) throws Exception {
        return as(post("/api/cart/lines").contentType(MediaType.APPLICATION_JSON)
                .content("{\"productId\":\"%s\",\"quantity\":%d}".formatted(productId, quantity)));
    }

    private ResultActions as(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + TestJwtIssuer.shared().token(user.toString(),
                "CUSTOMER")));
    }

    private static org.springframework.test.web.servlet.ResultMatcher problem() {
        return content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
