package dev.flotilla.analytics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.flotilla.order.events.OrderCancelled;
import dev.flotilla.order.events.OrderEventLine;
import dev.flotilla.order.events.OrderPlaced;
import dev.flotilla.order.events.OrderTotals;
import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

@DataMongoTest(properties = "flotilla.analytics.aggregates.lease=10m")
@ImportAutoConfiguration(DataRedisAutoConfiguration.class)
@EnableConfigurationProperties(AggregateProperties.class)
@RealEngines({Engine.MONGODB, Engine.REDIS})
@Import({SalesAggregates.class, Generations.class, AggregateVersions.class, SalesAggregatesTests.Clocks.class})
class SalesAggregatesTests {

    private static final Instant DEC_1 = Instant.parse("2026-12-01T10:15:00Z");
    private static final String SHOES = "aaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String HAT = "bbbbbbbbbbbbbbbbbbbbbbbb";

    @TestConfiguration
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    /** The system clock, moved forward by the test. */
    static final class MovableClock extends Clock {
        private volatile Duration ahead = Duration.ZERO;

        void forward(Duration duration) {
            ahead = ahead.plus(duration);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Autowired
    SalesAggregates aggregates;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MovableClock clock;
    @Autowired
    AggregateVersions versions;
    @Autowired
    Generations generations;

    @BeforeEach
    void empty() {
        for (String collection : mongo.getCollectionNames()) {
            mongo.dropCollection(collection);
        }
    }

    @Test
    void anOrderCountsOncePerProductCategoryAndCountry() {
        aggregates.apply(UUID.randomUUID(), placed(UUID.randomUUID(), DEC_1));

        assertThat(bucket(Dimension.PRODUCT, "2026-12-01|" + SHOES)).containsEntry("orders", 1).containsEntry("units", 3);
        assertThat(revenue(Dimension.PRODUCT, "2026-12-01|" + SHOES)).isEqualByComparingTo("60.00");
        assertThat(bucket(Dimension.CATEGORY, "2026-12-01|fashion")).containsEntry("orders", 1).containsEntry("units", 4);
        assertThat(revenue(Dimension.CATEGORY, "2026-12-01|fashion")).isEqualByComparingTo("75.50");
        assertThat(bucket(Dimension.COUNTRY, "2026-12-01|DE")).containsEntry("orders", 1).containsEntry("units", 4);
        assertThat(revenue(Dimension.COUNTRY, "2026-12-01|DE")).isEqualByComparingTo("75.50");
    }

    @Test
    void aRedeliveredEventIsADuplicate() {
        UUID event = UUID.randomUUID();
        OrderPlaced order = placed(UUID.randomUUID(), DEC_1);

        assertThat(aggregates.apply(event, order)).isEqualTo(SalesAggregates.Outcome.APPLIED);
        assertThat(aggregates.apply(event, order)).isEqualTo(SalesAggregates.Outcome.DUPLICATE);

        assertThat(bucket(Dimension.COUNTRY, "2026-12-01|DE")).containsEntry("orders", 1);
    }

    @Test
    void aConsumerThatDiedBetweenBucketsNeitherLosesNorDoublesTheEventOnceItsLeaseIsOver() {
        UUID event = UUID.randomUUID();
        OrderPlaced order = placed(UUID.randomUUID(), DEC_1);
        aggregates.apply(event, order);
        // As if it had died after the product buckets: they remember its batch's token, the category and
        // country updates never happened, and the event is not recorded as processed but still claimed,
        // in its name, until its lease ends.
        undo(Dimension.CATEGORY, "2026-12-01|fashion", 1, 4, "75.50");
        undo(Dimension.COUNTRY, "2026-12-01|DE", 1, 4, "75.50");
        for (String product : List.of(SHOES, HAT)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is("2026-12-01|" + product)),
                    new Update().addToSet("events", "dead"), Dimension.PRODUCT.collection());
        }
        mongo.remove(Query.query(Criteria.where("_id").is(event.toString())), new Generation(0).processed());
        mongo.insert(new Document("_id", event.toString()).append("owner", "dead")
                .append("leaseUntil", java.util.Date.from(clock.instant().plus(Duration.ofMinutes(10)))),
                new Generation(0).claims());

        assertThat(aggregates.applyAll(List.of(new SalesAggregates.Delivery(event, order))))
                .as("held by a live lease").containsEntry(event, SalesAggregates.Outcome.IN_PROGRESS);
        clock.forward(Duration.ofMinutes(11));
        assertThat(aggregates.apply(event, order)).as("taken over").isEqualTo(SalesAggregates.Outcome.APPLIED);

        assertThat(bucket(Dimension.PRODUCT, "2026-12-01|" + SHOES)).containsEntry("orders", 1).containsEntry("units", 3);
        assertThat(bucket(Dimension.CATEGORY, "2026-12-01|fashion")).containsEntry("orders", 1).containsEntry("units", 4);
        assertThat(bucket(Dimension.COUNTRY, "2026-12-01|DE")).containsEntry("orders", 1);
        assertThat(aggregates.apply(event, order)).isEqualTo(SalesAggregates.Outcome.DUPLICATE);
        // The dead consumer's token stayed for whoever took its other events over: none now, so it is swept.
        assertThat(aggregates.sweepMarkers()).isEqualTo(2);
        assertNoMarkers();
    }

    @Test
    void aCancellationSubtractsFromTheDayTheOrderWasPlacedAndWaitsForThePlacement() {
        UUID orderId = UUID.randomUUID();
        OrderPlaced order = placed(orderId, DEC_1);
        OrderCancelled cancelled = new OrderCancelled(orderId, order.userId(), "DE", "EUR", order.lines(), order.totals(),
                order.totalsEur(), DEC_1.plusSeconds(86_400 * 2), "customer");

        assertThatExceptionOfType(OrderNotYetPlacedException.class)
                .isThrownBy(() -> aggregates.apply(UUID.randomUUID(), cancelled));
        aggregates.apply(UUID.randomUUID(), order);
        aggregates.apply(UUID.randomUUID(), cancelled);

        assertThat(bucket(Dimension.COUNTRY, "2026-12-01|DE")).containsEntry("orders", 0).containsEntry("units", 0);
        assertThat(revenue(Dimension.COUNTRY, "2026-12-01|DE")).isEqualByComparingTo("0");
        assertThat(mongo.findById("2026-12-03|DE", Document.class, Dimension.COUNTRY.collection())).isNull();
    }

    @Test
    void twoConsumersApplyingTheSameEventsAtOnceCountEachOnce() throws Exception {
        List<UUID> events = new ArrayList<>();
        List<OrderPlaced> orders = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(UUID.randomUUID());
            orders.add(placed(UUID.randomUUID(), DEC_1));
        }
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        List<Callable<Void>> both = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            both.add(() -> {
                for (int i = 0; i < events.size(); i++) {
                    aggregates.apply(events.get(i), orders.get(i));
                }
                return null;
            });
        }
        for (Future<Void> done : consumers.invokeAll(both)) {
            done.get();
        }
        consumers.shutdown();

        assertThat(bucket(Dimension.COUNTRY, "2026-12-01|DE")).containsEntry("orders", 100).containsEntry("units", 400);
        assertThat(revenue(Dimension.COUNTRY, "2026-12-01|DE")).isEqualByComparingTo("7550.00");
    }

    @Test
    void twoConsumersApplyingDifferentEventsToNewBucketsAtOnceLoseNone() throws Exception {
        // Every order on a day of its own pair: the two consumers keep creating the same buckets at once,
        // and the upsert that loses the race must be applied all the same.
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        List<Callable<Void>> both = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            both.add(() -> {
                for (int day = 0; day < 60; day++) {
                    aggregates.apply(UUID.randomUUID(), placed(UUID.randomUUID(), DEC_1.plus(Duration.ofDays(day))));
                }
                return null;
            });
        }
        for (Future<Void> done : consumers.invokeAll(both)) {
            done.get();
        }
        consumers.shutdown();

        for (int day = 0; day < 60; day++) {
            String date = LocalDate.of(2026, 12, 1).plusDays(day).toString();
            assertThat(bucket(Dimension.COUNTRY, date + "|DE")).as(date).containsEntry("orders", 2).containsEntry("units", 8);
            assertThat(bucket(Dimension.PRODUCT, date + "|" + HAT)).as(date).containsEntry("orders", 2);
        }
    }

    @Test
    void aBatchCountsAnEventInItTwiceOnceAndACancellationOfAnOrderPlacedInTheSameBatch() {
        UUID event = UUID.randomUUID();
        OrderPlaced order = placed(UUID.randomUUID(), DEC_1);
        OrderPlaced other = placed(UUID.randomUUID(), DEC_1);
        UUID cancellation = UUID.randomUUID();

        Map<UUID, SalesAggregates.Outcome> outcomes = aggregates.applyAll(List.of(
                new SalesAggregates.Delivery(event, order),
                new SalesAggregates.Delivery(cancellation, cancel(other)),
                new SalesAggregates.Delivery(event, order),
                new SalesAggregates.Delivery(UUID.randomUUID(), other)));

        assertThat(outcomes).containsEntry(event, SalesAggregates.Outcome.APPLIED)
                .containsEntry(cancellation, SalesAggregates.Outcome.APPLIED);
        assertThat(bucket(Dimension.COUNTRY, "2026-12-01|DE")).containsEntry("orders", 1).containsEntry("units", 4);
        assertThat(revenue(Dimension.COUNTRY, "2026-12-01|DE")).isEqualByComparingTo("75.50");
    }

    @Test
    void bucketsForgetAnEventOnceItIsAppliedAndTheSweepRemovesWhatADeadConsumerLeft() {
        UUID event = UUID.randomUUID();
        OrderPlaced order = placed(UUID.randomUUID(), DEC_1);
        aggregates.apply(event, order);
        assertNoMarkers();

        // A consumer that died between recording and forgetting: its batch's token stays until the sweep.
        aggregates.apply(UUID.randomUUID(), placed(UUID.randomUUID(), DEC_1));
        mongo.updateFirst(Query.query(Criteria.where("_id").is("2026-12-01|DE")),
                new Update().addToSet("events", "gone"), Dimension.COUNTRY.collection());
        // One still applying, and one whose event another consumer has taken over: their tokens must stay.
        mongo.insert(new Document("_id", "e1").append("owner", "alive"), new Generation(0).claims());
        mongo.insert(new Document("_id", "e2").append("owner", "successor").append("history", List.of("predecessor")),
                new Generation(0).claims());
        mongo.updateFirst(Query.query(Criteria.where("_id").is("2026-12-01|fashion")),
                new Update().addToSet("events").each("alive", "predecessor"), Dimension.CATEGORY.collection());

        assertThat(aggregates.sweepMarkers()).isEqualTo(1);
        assertThat(aggregates.sweepMarkers()).isZero();
        assertThat(bucket(Dimension.COUNTRY, "2026-12-01|DE").getList("events", String.class)).isEmpty();
        assertThat(bucket(Dimension.CATEGORY, "2026-12-01|fashion").getList("events", String.class))
                .containsExactlyInAnyOrder("alive", "predecessor");
        assertThat(aggregates.apply(event, order)).isEqualTo(SalesAggregates.Outcome.DUPLICATE);
        assertThat(bucket(Dimension.COUNTRY, "2026-12-01|DE")).containsEntry("orders", 2).containsEntry("units", 8);
    }

    @Test
    void aBatchThatStalledPastHalfItsLeaseWritesNothing() {
        SalesAggregates slow = new SalesAggregates(mongo, generations, versions,
                new AggregateProperties(Duration.ofMinutes(10), Duration.ofMinutes(1), 1000, 500, Duration.ofMinutes(2)),
                new Clock() {
                    private int calls;

                    @Override
                    public Instant instant() {
                        // Its claim at the first reading, its writes 6 minutes later.
                        return clock.instant().plus(Duration.ofMinutes(calls++ == 0 ? 0 : 6));
                    }

                    @Override
                    public ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(ZoneId zone) {
                        throw new UnsupportedOperationException();
                    }
                });

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> slow.apply(UUID.randomUUID(), placed(UUID.randomUUID(), DEC_1)));
        assertThat(mongo.findAll(Document.class, Dimension.COUNTRY.collection())).isEmpty();
    }

    private void assertNoMarkers() {
        for (Dimension dimension : Dimension.values()) {
            for (Document bucket : mongo.findAll(Document.class, dimension.collection())) {
                assertThat(bucket.getList("events", String.class)).as(bucket.getString("_id")).isEmpty();
            }
        }
    }

    @Test
    void appliedAndRedeliveredEventsRaiseTheStampOfTheirDaysOnly() {
        LocalDate dec1 = LocalDate.of(2026, 12, 1);
        String before = versions.stamp(dec1, dec1);
        String otherDays = versions.stamp(dec1.plusDays(1), dec1.plusDays(5));
        UUID event = UUID.randomUUID();
        OrderPlaced order = placed(UUID.randomUUID(), DEC_1);

        aggregates.apply(event, order);
        String applied = versions.stamp(dec1, dec1);
        aggregates.apply(event, order);

        assertThat(applied).isNotEqualTo(before);
        assertThat(versions.stamp(dec1, dec1)).as("a redelivery stamps again").isNotEqualTo(applied);
        assertThat(versions.stamp(dec1.plusDays(1), dec1.plusDays(5))).isEqualTo(otherDays);
        assertThat(versions.stamp(dec1.minusDays(3), dec1)).isEqualTo(versions.stamp(dec1, dec1));
    }

    private static OrderCancelled cancel(OrderPlaced order) {
        return new OrderCancelled(order.orderId(), order.userId(), order.country(), order.currency(), order.lines(),
                order.totals(), order.totalsEur(), order.occurredAt().plusSeconds(60), "customer");
    }

    private void undo(Dimension dimension, String bucket, int orders, int units, String revenue) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(bucket)), new Update().inc("orders", -orders)
                .inc("units", -units).inc("revenueEur", new BigDecimal(revenue).negate()), dimension.collection());
    }

    private Document bucket(Dimension dimension, String id) {
        Document bucket = mongo.findById(id, Document.class, dimension.collection());
        assertThat(bucket).as(id).isNotNull();
        return bucket;
    }

    private BigDecimal revenue(Dimension dimension, String id) {
        return bucket(dimension, id).get("revenueEur", org.bson.types.Decimal128.class).bigDecimalValue();
    }

    private static OrderPlaced placed(UUID orderId, Instant at) {
        List<OrderEventLine> lines = List.of(
                new OrderEventLine(SHOES, "fashion", 2, new BigDecimal("20.00"), new BigDecimal("20.00")),
                new OrderEventLine(SHOES, "fashion", 1, new BigDecimal("20.00"), new BigDecimal("20.00")),
                new OrderEventLine(HAT, "fashion", 1, new BigDecimal("15.50"), new BigDecimal("15.50")));
        OrderTotals totals = new OrderTotals(new BigDecimal("75.50"), new BigDecimal("14.35"), new BigDecimal("89.85"));
        return new OrderPlaced(orderId, UUID.randomUUID(), "DE", "EUR", lines, totals, totals, at);
    }
}
