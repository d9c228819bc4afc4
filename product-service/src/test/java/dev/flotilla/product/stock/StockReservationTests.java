package dev.flotilla.product.stock;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import dev.flotilla.product.ProductApi;
import dev.flotilla.product.ProductServiceTest;
import dev.flotilla.product.TestClock;
import dev.flotilla.product.catalogue.Product;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ProductServiceTest
class StockReservationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Autowired
    ReservationSweeper sweeper;

    @Autowired
    ProductStock productStock;

    ProductApi api;

    @BeforeEach
    void setUp() {
        api = new ProductApi(mvc);
    }

    @Test
    void aReservationHoldsStockUntilConfirmedWhenItLeavesForGood() throws Exception {
        String product = api.createBook(10);
        api.reserve("order-1", List.of(ProductApi.line(product, 3))).andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/stock/reservations/order-1"))
                .andExpect(jsonPath("$.status").value("RESERVED"));
        assertThat(stock(product)).isEqualTo(new Product.Stock(7, 3));

        api.as(ProductApi.SERVICE, post("/api/stock/reservations/order-1/confirm")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"));
        assertThat(stock(product)).isEqualTo(new Product.Stock(7, 0));
        assertThat(holds(product)).isEmpty();

        api.as(ProductApi.SERVICE, post("/api/stock/reservations/order-1/confirm")).andExpect(status().isOk());
        api.as(ProductApi.SERVICE, delete("/api/stock/reservations/order-1")).andExpect(status().isConflict());
        assertThat(stock(product)).isEqualTo(new Product.Stock(7, 0));
    }

    @Test
    void releasingGivesTheStockBackOnceAndConfirmingAfterwardsIsAConflict() throws Exception {
        String product = api.createBook(4);
        api.reserve("order-2", List.of(ProductApi.line(product, 4))).andExpect(status().isCreated());
        assertThat(stock(product)).isEqualTo(new Product.Stock(0, 4));

        api.as(ProductApi.SERVICE, delete("/api/stock/reservations/order-2")).andExpect(status().isNoContent());
        api.as(ProductApi.SERVICE, delete("/api/stock/reservations/order-2")).andExpect(status().isNoContent());
        assertThat(stock(product)).isEqualTo(new Product.Stock(4, 0));
        api.as(ProductApi.SERVICE, post("/api/stock/reservations/order-2/confirm")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("reservation order-2 is RELEASED (released) and cannot be confirmed"));
    }

    @Test
    void aMultiLineReservationWithOneShortLineReservesNothing() throws Exception {
        String plenty = api.createBook(10);
        String scarce = api.createBook(1);
        String alsoPlenty = api.createBook(10);

        JsonNode problem = api.read(api.reserve("order-3", List.of(ProductApi.line(plenty, 2), ProductApi.line(scarce, 2),
                ProductApi.line(alsoPlenty, 2)))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON)));

        assertThat(problem.get("shortages").values()).singleElement().satisfies(shortage -> {
            assertThat(shortage.get("productId").asString()).isEqualTo(scarce);
            assertThat(shortage.get("problem").asString()).isEqualTo("INSUFFICIENT");
            assertThat(shortage.get("available").asLong()).isEqualTo(1);
        });
        assertThat(stock(plenty)).isEqualTo(new Product.Stock(10, 0));
        assertThat(stock(scarce)).isEqualTo(new Product.Stock(1, 0));
        assertThat(stock(alsoPlenty)).isEqualTo(new Product.Stock(10, 0));
        assertThat(holds(plenty)).isEmpty();
        api.as(ProductApi.SERVICE, get("/api/stock/reservations/order-3")).andExpect(jsonPath("$.status").value("FAILED"));
    }

    @Test
    void aRetryWithTheSameIdReturnsTheFirstOutcomeAndNeverHoldsTwice() throws Exception {
        String product = api.createBook(5);
        String first = api.read(api.reserve("order-4", List.of(ProductApi.line(product, 2))).andExpect(status().isCreated())).toString();
        String retry = api.read(api.reserve("order-4", List.of(ProductApi.line(product, 2))).andExpect(status().isOk())).toString();
        assertThat(retry).isEqualTo(first);
        assertThat(stock(product)).isEqualTo(new Product.Stock(3, 2));

        api.reserve("order-4", List.of(ProductApi.line(product, 1))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("reservation id order-4 is already used for other lines"));

        String scarce = api.createBook(0);
        api.reserve("order-5", List.of(ProductApi.line(scarce, 1))).andExpect(status().isConflict());
        api.reserve("order-5", List.of(ProductApi.line(scarce, 1))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.shortages[0].problem").value("INSUFFICIENT"));
    }

    @Test
    void holdingALineTwiceForOneReservationCountsItOnce() throws Exception {
        String product = api.createBook(5);
        Reservation.Line line = new Reservation.Line(product, 2);
        assertThat(productStock.hold("twice-1", line)).isEmpty();
        assertThat(productStock.hold("twice-1", line)).isEmpty();
        assertThat(stock(product)).isEqualTo(new Product.Stock(3, 2));
        assertThat(holds(product)).hasSize(1);

        productStock.release("twice-1", line);
        productStock.release("twice-1", line);
        assertThat(stock(product)).isEqualTo(new Product.Stock(5, 0));
        assertThat(holds(product)).isEmpty();
    }

    @Test
    void unknownInactiveAndMalformedProductsAreRefused() throws Exception {
        api.reserve("order-6", List.of(ProductApi.line("000000000000000000000000", 1))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.shortages[0].problem").value("NOT_FOUND"));
        api.reserve("order-7", List.of(ProductApi.line("not-a-product", 1))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].productId"));
        String archived = api.createBook(5);
        api.as(ProductApi.ADMIN, put("/api/products/" + archived + "/status"), Map.of("status", "ARCHIVED"));
        api.reserve("order-8", List.of(ProductApi.line(archived, 1))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.shortages[0].problem").value("NOT_ACTIVE"));
        assertThat(stock(archived)).isEqualTo(new Product.Stock(5, 0));
    }

    @Test
    void badReservationRequestsAreBadRequests() throws Exception {
        String product = api.createBook(5);
        api.reserve("order-9", List.of()).andExpect(status().isBadRequest());
        api.reserve("order-9", List.of(ProductApi.line(product, 0))).andExpect(status().isBadRequest());
        api.reserve("order-9", List.of(ProductApi.line(product, 1001))).andExpect(status().isBadRequest());
        api.reserve("order 9; DROP", List.of(ProductApi.line(product, 1))).andExpect(status().isBadRequest());
        api.reserve("order-9", List.of(ProductApi.line(product, 1), ProductApi.line(product, 2))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[1].productId"));
        api.as(ProductApi.SERVICE, post("/api/stock/reservations"), Map.of("reservationId", "order-9",
                "lines", List.of(Map.of("productId", product, "quantity", "two")))).andExpect(status().isBadRequest());
        api.as(ProductApi.SERVICE, post("/api/stock/reservations/unknown/confirm")).andExpect(status().isNotFound());
        api.as(ProductApi.SERVICE, delete("/api/stock/reservations/unknown")).andExpect(status().isNotFound());
        assertThat(stock(product)).isEqualTo(new Product.Stock(5, 0));
    }

    @Test
    void anUnconfirmedReservationExpiresAndGivesItsStockBack() throws Exception {
        String product = api.createBook(6);
        api.reserve("order-10", List.of(ProductApi.line(product, 6))).andExpect(status().isCreated());
        clock.advance(Duration.ofMinutes(16));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(stock(product)).isEqualTo(new Product.Stock(6, 0)));
        api.as(ProductApi.SERVICE, get("/api/stock/reservations/order-10")).andExpect(jsonPath("$.status").value("RELEASED"))
                .andExpect(jsonPath("$.reason").value("expired"));
        api.as(ProductApi.SERVICE, post("/api/stock/reservations/order-10/confirm")).andExpect(status().isConflict());
    }

    @Test
    void aRequestThatDiedHalfWayIsFinishedBySweeping() throws Exception {
        String product = api.createBook(5);
        String other = api.createBook(5);
        // What a request leaves when it dies after holding the first of two lines.
        Instant longAgo = clock.instant().minus(Duration.ofMinutes(5));
        mongo.getCollection("reservations").insertOne(new Document("_id", "order-11")
                .append("lines", List.of(new Document("productId", product).append("quantity", 2L),
                        new Document("productId", other).append("quantity", 2L)))
                .append("status", "PENDING").append("shortages", List.of())
                .append("expiresAt", Date.from(longAgo.plus(Duration.ofMinutes(15))))
                .append("createdAt", Date.from(longAgo)).append("updatedAt", Date.from(longAgo)));
        mongo.getCollection("products").updateOne(new Document("_id", new ObjectId(product)), new Document("$inc",
                new Document("stock.available", -2L).append("stock.reserved", 2L)).append("$push",
                new Document("holds", new Document("reservationId", "order-11").append("quantity", 2L))));

        sweeper.sweep();

        assertThat(stock(product)).isEqualTo(new Product.Stock(5, 0));
        assertThat(stock(other)).isEqualTo(new Product.Stock(5, 0));
        api.as(ProductApi.SERVICE, get("/api/stock/reservations/order-11")).andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.reason").value("interrupted"));
    }

    @Test
    void aHoldLeftByAnEndedReservationIsGivenBack() throws Exception {
        String product = api.createBook(5);
        api.reserve("order-12", List.of(ProductApi.line(product, 1))).andExpect(status().isCreated());
        api.as(ProductApi.SERVICE, delete("/api/stock/reservations/order-12")).andExpect(status().isNoContent());
        // A request that died after the sweeper had ended its reservation left one more hold behind, long
        // enough ago that no live reservation can own it (the sweeper leaves younger holds alone).
        mongo.getCollection("products").updateOne(new Document("_id", new ObjectId(product)), new Document("$inc",
                new Document("stock.available", -1L).append("stock.reserved", 1L)).append("$push",
                new Document("holds", new Document("reservationId", "order-12").append("quantity", 1L)
                        .append("heldAt", Date.from(clock.instant().minus(Duration.ofMinutes(16)))))));

        sweeper.sweep();

        assertThat(stock(product)).isEqualTo(new Product.Stock(5, 0));
        assertThat(holds(product)).isEmpty();
    }

    private Product.Stock stock(String productId) {
        return mongo.findById(productId, Product.class).stock();
    }

    private List<Product.Hold> holds(String productId) {
        return mongo.findById(productId, Product.class).holds();
    }
}
