package dev.flotilla.order.outbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.flotilla.order.events.OrderEventCodec;
import dev.flotilla.order.events.OrderEventLine;
import dev.flotilla.order.events.OrderEventStream;
import dev.flotilla.order.events.OrderPlaced;
import dev.flotilla.order.events.OrderTotals;
import dev.flotilla.order.events.ReceivedOrderEvent;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Events to append and a reader of what reached the stream. */
final class OutboxTestSupport {

    private static final OrderEventCodec CODEC = new OrderEventCodec();

    private OutboxTestSupport() {
    }

    static OrderPlaced placed() {
        OrderTotals totals = new OrderTotals(new BigDecimal("20.00"), new BigDecimal("3.80"), new BigDecimal("23.80"));
        return new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), "DE", "EUR",
                List.of(new OrderEventLine("65a1f0c2b3d4e5f60718293a", "books", 2, new BigDecimal("10.00"),
                        new BigDecimal("10.00"))),
                totals, totals, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** Every CloudEvent on the stream, in stream order. */
    static List<ReceivedOrderEvent> published(StringRedisTemplate redis, String key) {
        List<MapRecord<String, Object, Object>> entries = redis.opsForStream().range(key,
                org.springframework.data.domain.Range.unbounded());
        return entries == null ? List.of()
                : entries.stream().map(entry -> CODEC.read((String) entry.getValue().get(OrderEventStream.EVENT_FIELD)))
                        .toList();
    }
}
