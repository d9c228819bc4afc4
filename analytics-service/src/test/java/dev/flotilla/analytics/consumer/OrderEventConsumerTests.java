package dev.flotilla.analytics.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.flotilla.analytics.TestOrders;
import dev.flotilla.analytics.aggregate.AggregateProperties;
import dev.flotilla.analytics.aggregate.Dimension;
import dev.flotilla.analytics.aggregate.SalesAggregates;
import dev.flotilla.analytics.live.LiveCounters;
import dev.flotilla.order.events.OrderCancelled;
import dev.flotilla.order.events.OrderEvent;
import dev.flotilla.order.events.OrderEventCodec;
import dev.flotilla.order.events.OrderEventLine;
import dev.flotilla.order.events.OrderEventStream;
import dev.flotilla.order.events.OrderPlaced;
import dev.flotilla.order.events.OrderTotals;
import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import dev.flotilla.testing.TestJwks;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Range;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The consumer against real Redis and the Mongo wire server, driven one round at a time. */
@SpringBootTest(properties = {"flotilla.analytics.consumer.enabled=false", "flotilla.analytics.consumer.block=50ms",
        "flotilla.analytics.consumer.claim-after=300ms", "flotilla.analytics.consumer.max-deliveries=3",
        "flotilla.analytics.aggregates.lease=500ms",
        "flotilla.analytics.cache.path=target/test-databases/${random.uuid}/report-cache.db"})
@RealEngines({Engine.MONGODB, Engine.REDIS})
@TestJwks
class OrderEventConsumerTests {

    private static final Instant DEC_1 = Instant.parse("2026-12-01T10:15:00Z");

    @Autowired
    OrderEventConsumer consumer;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ConsumerProperties properties;
    @Autowired
    ConsumerLag lag;
    @Autowired
    SalesAggregates aggregates;
    @Autowired
    LiveCounters live;
    @Autowired
    AggregateProperties aggregateProperties;
    @Autowired
    Clock clock;

    final OrderEventCodec codec = new OrderEventCodec();

    @BeforeEach
    void empty() {
        redis.delete(List.of(properties.streamKey(), properties.deadLetterKey()));
        mongo.getCollectionNames().forEach(mongo::dropCollection);
    }

    @Test
    void publishedEventsAreAppliedAndAcknowledged() {
        publish(UUID.randomUUID(), placed(UUID.randomUUID()));
        publish(UUID.randomUUID(), placed(UUID.randomUUID()));

        assertThat(consumer.pollOnce()).isEqualTo(2);

        assertThat(country()).containsEntry("orders", 2);
        assertThat(redis.opsForStream().pending(properties.streamKey(), properties.group()).getTotalPendingMessages()).isZero();
    }

    @Test
    void whatADeadConsumerLeftIsClaimedAfterTheTimeoutAndAppliedOnceEvenIfPublishedTwice() throws Exception {
        UUID event = UUID.randomUUID();
        OrderPlaced order = placed(UUID.randomUUID());
        publish(event, order);
        publish(event, order);
        consumer.pollOnce();
        publish(UUID.randomUUID(), placed(UUID.randomUUID()));
        List<MapRecord<String, Object, Object>> taken = redis.opsForStream().read(Consumer.from(properties.group(), "dies"),
                StreamReadOptions.empty().count(10), StreamOffset.create(properties.streamKey(), ReadOffset.lastConsumed()));
        assertThat(taken).hasSize(1);

        assertThat(consumer.pollOnce()).isZero();
        Thread.sleep(400);
        assertThat(consumer.pollOnce()).isEqualTo(1);

        assertThat(country()).containsEntry("orders", 2);
        assertThat(redis.opsForStream().pending(properties.streamKey(), properties.group()).getTotalPendingMessages()).isZero();
    }

    @Test
    void theLagCountsWhatIsPendingOrNotDeliveredYet() {
        assertThat(lag.lag()).isZero();
        publish(UUID.randomUUID(), placed(UUID.randomUUID()));
        publish(UUID.randomUUID(), placed(UUID.randomUUID()));
        assertThat(lag.lag()).isEqualTo(2);
        consumer.pollOnce();
        publish(UUID.randomUUID(), placed(UUID.randomUUID()));
        redis.opsForStream().read(Consumer.from(properties.group(), "slow"), StreamReadOptions.empty().count(1),
                StreamOffset.create(properties.streamKey(), ReadOffset.lastConsumed()));
        publish(UUID.randomUUID(), placed(UUID.randomUUID()));

        assertThat(lag.lag()).isEqualTo(2);
    }

    @Test
    void aMalformedMessageGoesToTheDeadLetterStreamAndTheNextOneIsApplied() {
        redis.opsForStream().add(StreamRecords.string(Map.of(OrderEventStream.EVENT_FIELD, "{\"not\": \"an event\"}"))
                .withStreamKey(properties.streamKey()));
        redis.opsForStream().add(StreamRecords.string(Map.of("unexpected", "field")).withStreamKey(properties.streamKey()));
        publish(UUID.randomUUID(), placed(UUID.randomUUID()));

        consumer.pollOnce();

        assertThat(country()).containsEntry("orders", 1);
        List<MapRecord<String, Object, Object>> dead = redis.opsForStream().range(properties.deadLetterKey(), Range.unbounded());
        assertThat(dead).hasSize(2).allSatisfy(record -> assertThat(record.getValue().get("reason").toString()).startsWith("malformed"));
        assertThat(redis.opsForStream().pending(properties.streamKey(), properties.group()).getTotalPendingMessages()).isZero();
    }

    @Test
    void aMessageThatKeepsFailingIsDeadLetteredAfterMaxDeliveries() throws Exception {
        OrderPlaced neverPublished = placed(UUID.randomUUID());
        publish(UUID.randomUUID(), new OrderCancelled(neverPublished.orderId(), neverPublished.userId(), "DE", "EUR",
                neverPublished.lines(), neverPublished.totals(), neverPublished.totalsEur(), DEC_1, "customer"));

        consumer.pollOnce();
        for (int round = 0; round < 3; round++) {
            Thread.sleep(350);
            consumer.pollOnce();
        }

        List<MapRecord<String, Object, Object>> dead = redis.opsForStream().range(properties.deadLetterKey(), Range.unbounded());
        assertThat(dead).hasSize(1);
        assertThat(dead.getFirst().getValue().get("reason").toString()).contains("delivered 3 times");
        assertThat(redis.opsForStream().pending(properties.streamKey(), properties.group()).getTotalPendingMessages()).isZero();
    }

    @Test
    void twoConsumersDrainingOneStreamTogetherCountEveryEventOnce() throws Exception {
        List<TestOrders.Published> events = new TestOrders(3, DEC_1, 5).events(400);
        for (int i = 0; i < events.size(); i++) {
            TestOrders.publish(redis, properties.streamKey(), events.get(i));
            if (i % 10 == 0) {
                // order-service's relay publishing the same event again after a crash
                TestOrders.publish(redis, properties.streamKey(), events.get(i));
            }
        }
        OrderEventConsumer second = new OrderEventConsumer(redis, aggregates, live, named("second"), aggregateProperties,
                clock, Duration.ofSeconds(1));
        LocalDate today = LiveCounters.today(clock);
        LiveCounters.Live before = live.read(today);

        ExecutorService both = Executors.newFixedThreadPool(2);
        List<Future<Integer>> handled = both.invokeAll(List.of(() -> drain(consumer), () -> drain(second)));
        both.shutdown();

        assertThat(handled.get(0).get()).as("each consumer took a share").isPositive();
        assertThat(handled.get(1).get()).as("each consumer took a share").isPositive();
        // A duplicate publication that reached the other consumer while the first held the event's claim
        // stays pending; once claim-after has passed it is taken again and acknowledged as a duplicate.
        for (int round = 0; round < 20 && pending() > 0; round++) {
            Thread.sleep(350);
            consumer.pollOnce();
        }
        assertThat(countryTotals()).isEqualTo(TestOrders.netTotals(events));
        LiveCounters.Live after = live.read(today);
        assertThat(after.orders() - before.orders() + " orders, " + after.revenueEur().subtract(before.revenueEur()) + " EUR")
                .isEqualTo(TestOrders.netTotals(events));
        assertThat(redis.opsForStream().pending(properties.streamKey(), properties.group()).getTotalPendingMessages()).isZero();
    }

    @Test
    void aConsumerKilledAfterTheAggregatesBeforeItsAcknowledgementIsTakenOverWithoutCountingTwice() throws Exception {
        List<TestOrders.Published> events = new TestOrders(4, DEC_1, 2).events(20);
        events.forEach(event -> TestOrders.publish(redis, properties.streamKey(), event));
        consumer.pollOnce();
        List<TestOrders.Published> later = new TestOrders(5, DEC_1, 2).events(20);
        later.forEach(event -> TestOrders.publish(redis, properties.streamKey(), event));
        // A consumer reads the batch, stores half of it in the aggregates and dies: no live counters, no XACK.
        List<MapRecord<String, Object, Object>> taken = redis.opsForStream().read(Consumer.from(properties.group(), "killed"),
                StreamReadOptions.empty().count(100), StreamOffset.create(properties.streamKey(), ReadOffset.lastConsumed()));
        assertThat(taken).hasSize(later.size());
        aggregates.applyAll(later.subList(0, later.size() / 2).stream()
                .map(event -> new SalesAggregates.Delivery(event.id(), event.event())).toList());

        Thread.sleep(400);
        assertThat(consumer.pollOnce()).isEqualTo(later.size());

        List<TestOrders.Published> all = new java.util.ArrayList<>(events);
        all.addAll(later);
        assertThat(countryTotals()).isEqualTo(TestOrders.netTotals(all));
        assertThat(redis.opsForStream().pending(properties.streamKey(), properties.group()).getTotalPendingMessages()).isZero();
    }

    @Test
    void aConsumerKilledAfterItsClaimIsTakenOverOnceItsLeaseIsOver() throws Exception {
        UUID event = UUID.randomUUID();
        publish(event, placed(UUID.randomUUID()));
        redis.opsForStream().createGroup(properties.streamKey(), ReadOffset.from("0"), properties.group());
        redis.opsForStream().read(Consumer.from(properties.group(), "killed"), StreamReadOptions.empty().count(10),
                StreamOffset.create(properties.streamKey(), ReadOffset.lastConsumed()));
        // Its claim, made just before it died: in its name, for the lease.
        mongo.insert(new Document("_id", event.toString()).append("owner", "killed")
                .append("leaseUntil", java.util.Date.from(Instant.now().plusMillis(450))), "aggregate_claims");

        Thread.sleep(350);
        consumer.pollOnce();
        assertThat(mongo.findById("2026-12-01|DE", Document.class, "sales_by_day_country")).as("lease still running").isNull();
        Thread.sleep(400);
        consumer.pollOnce();

        assertThat(country()).containsEntry("orders", 1);
        assertThat(redis.opsForStream().pending(properties.streamKey(), properties.group()).getTotalPendingMessages()).isZero();
    }

    private long pending() {
        return redis.opsForStream().pending(properties.streamKey(), properties.group()).getTotalPendingMessages();
    }

    private ConsumerProperties named(String name) {
        return new ConsumerProperties(true, properties.streamKey(), properties.group(), name, properties.batchSize(),
                properties.block(), properties.claimAfter(), properties.maxDeliveries(), properties.deadLetterKey());
    }

    /** Polls until a round finds nothing; returns the messages this consumer handled. */
    private static int drain(OrderEventConsumer consumer) {
        int handled = 0;
        for (int round; (round = consumer.pollOnce()) > 0; ) {
            handled += round;
        }
        return handled;
    }

    /** Net orders and revenue over every country bucket. */
    private String countryTotals() {
        long orders = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (Document bucket : mongo.findAll(Document.class, Dimension.COUNTRY.collection())) {
            orders += ((Number) bucket.get("orders")).longValue();
            revenue = revenue.add(bucket.get("revenueEur", org.bson.types.Decimal128.class).bigDecimalValue());
        }
        return orders + " orders, " + revenue.setScale(2) + " EUR";
    }

    private Document country() {
        Document bucket = mongo.findById("2026-12-01|DE", Document.class, "sales_by_day_country");
        assertThat(bucket).isNotNull();
        return bucket;
    }

    private void publish(UUID eventId, OrderEvent event) {
        redis.opsForStream().add(StreamRecords.string(Map.of(OrderEventStream.EVENT_FIELD, codec.write(eventId, event, null, null)))
                .withStreamKey(properties.streamKey()));
    }

    private static OrderPlaced placed(UUID orderId) {
        List<OrderEventLine> lines = List.of(new OrderEventLine("aaaaaaaaaaaaaaaaaaaaaaaa", "fashion", 1,
                new BigDecimal("10.00"), new BigDecimal("10.00")));
        OrderTotals totals = new OrderTotals(new BigDecimal("10.00"), new BigDecimal("1.90"), new BigDecimal("11.90"));
        return new OrderPlaced(orderId, UUID.randomUUID(), "DE", "EUR", lines, totals, totals, DEC_1);
    }
}
