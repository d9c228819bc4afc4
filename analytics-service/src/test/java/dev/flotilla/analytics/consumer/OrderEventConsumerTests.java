package dev.flotilla.analytics.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
