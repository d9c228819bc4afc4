package dev.flotilla.product.stock;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;

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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Reservation ids are the caller's opaque strings, and the sweeper never frees stock a live reservation may hold. */
@ProductServiceTest
class ReservationSweeperTests {

    private static final String OBJECT_ID_LOOKING = "ABCDEF0123456789ABCDEF01";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Autowired
    ReservationSweeper sweeper;

    ProductApi api;

    @BeforeEach
    void setUp() {
        api = new ProductApi(mvc);
    }

    @Test
    void anObjectIdLookingReservationIdIsStoredAsGivenAndItsConfirmedStockStaysSold() throws Exception {
        String product = api.createBook(100);
        api.reserve(OBJECT_ID_LOOKING, List.of(ProductApi.line(product, 10))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.reservationId").value(OBJECT_ID_LOOKING));
        api.as(ProductApi.SERVICE, post("/api/stock/reservations/" + OBJECT_ID_LOOKING + "/confirm"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONFIRMED"));
        assertThat(stock(product)).isEqualTo(new Product.Stock(90, 0));

        sweeper.sweep();

        assertThat(stock(product)).isEqualTo(new Product.Stock(90, 0));
        assertThat(holds(product)).isEmpty();
        assertThat(mongo.getCollection("reservations").find(new Document("_id", OBJECT_ID_LOOKING)).first())
                .as("stored under the caller's spelling, as a string").isNotNull();
    }

    @Test
    void reservationIdsAreCaseSensitive() throws Exception {
        String product = api.createBook(10);
        String upper = "BBCDEF0123456789ABCDEF02";
        String lower = upper.toLowerCase(Locale.ROOT);
        api.reserve(upper, List.of(ProductApi.line(product, 1))).andExpect(status().isCreated());
        api.as(ProductApi.SERVICE, get("/api/stock/reservations/" + lower)).andExpect(status().isNotFound());
        api.reserve(lower, List.of(ProductApi.line(product, 2))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.reservationId").value(lower));
        assertThat(stock(product)).isEqualTo(new Product.Stock(7, 3));
    }

    @Test
    void aHoldYoungerThanTheReservationTtlIsNeverReleasedEvenIfItsReservationCannotBeFound() throws Exception {
        String product = api.createBook(5);
        pushHold(product, "not-written-yet", 2, clock.instant());

        sweeper.sweep();
        assertThat(stock(product)).as("a reservation read that lags must not free live stock").isEqualTo(new Product.Stock(3, 2));

        clock.advance(Duration.ofMinutes(16));
        sweeper.sweep();
        assertThat(stock(product)).isEqualTo(new Product.Stock(5, 0));
        assertThat(holds(product)).isEmpty();
    }

    @Test
    void aStoppedSweeperMovesNothingUntilStartedAgain() throws Exception {
        String product = api.createBook(5);
        sweeper.stop();
        try {
            pushHold(product, "orphan-after-stop", 1, clock.instant().minus(Duration.ofHours(1)));
            assertThat(sweeper.isRunning()).isFalse();
            sweeper.sweep();
            assertThat(stock(product)).isEqualTo(new Product.Stock(4, 1));
        } finally {
            sweeper.start();
        }
        sweeper.sweep();
        assertThat(stock(product)).isEqualTo(new Product.Stock(5, 0));
    }

    /** What a request leaves on a product after holding a line (or dying right after it). */
    private void pushHold(String product, String reservationId, long quantity, Instant heldAt) {
        mongo.getCollection("products").updateOne(new Document("_id", new ObjectId(product)), new Document("$inc",
                new Document("stock.available", -quantity).append("stock.reserved", quantity)).append("$push",
                new Document("holds", new Document("reservationId", reservationId).append("quantity", quantity)
                        .append("heldAt", Date.from(heldAt)))));
    }

    private Product.Stock stock(String productId) {
        return mongo.findById(productId, Product.class).stock();
    }

    private List<Product.Hold> holds(String productId) {
        return mongo.findById(productId, Product.class).holds();
    }
}
