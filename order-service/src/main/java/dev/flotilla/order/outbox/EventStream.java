package dev.flotilla.order.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import dev.flotilla.order.events.OrderEventStream;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The order-events Redis stream: appends an entry per event and trims entries past the retention by
 * their id's time ({@code MINID}, Redis 6.2). Entry ids are Redis' own, so they follow Redis' clock.
 */
@Component
class EventStream {

    private final StringRedisTemplate redis;
    private final String key;

    EventStream(RedisConnectionFactory connections, OutboxProperties properties) {
        this.redis = new StringRedisTemplate(connections);
        this.key = properties.streamKey();
    }

    /**
     * {@code XADD key MINID ~ <keepAfter>-0 * event <json>}: appends the entry and, approximately
     * (whole internal nodes only, so it stays cheap), drops entries older than {@code keepAfter}.
     */
    RecordId append(String cloudEvent, Instant keepAfter) {
        XAddOptions trim = XAddOptions.none().minId(minId(keepAfter)).approximateTrimming(true);
        return redis.opsForStream().add(StreamRecords.string(Map.of(OrderEventStream.EVENT_FIELD, cloudEvent))
                .withStreamKey(key), trim);
    }

    /** {@code XTRIM key MINID <keepAfter>-0}: drops every entry older than {@code keepAfter}; returns how many. */
    long trim(Instant keepAfter) {
        Object trimmed = redis.execute((RedisCallback<Object>) connection -> connection.execute("XTRIM",
                bytes(key), bytes("MINID"), bytes(minId(keepAfter).getValue())));
        return trimmed instanceof Number number ? number.longValue() : 0;
    }

    String key() {
        return key;
    }

    private static RecordId minId(Instant keepAfter) {
        return RecordId.of(Math.max(0, keepAfter.toEpochMilli()), 0);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
