package dev.flotilla.order.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.flotilla.order.events.OrderEventStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream and the table keep their retention (7 days by default), and never lose what is unpublished. */
@OutboxTest
class OutboxCleanupTests {

    @Autowired
    OutboxCleanup cleanup;

    @Autowired
    EventStream stream;

    @Autowired
    OutboxProperties properties;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyOutboxAndStream() {
        jdbc.sql("DELETE FROM outbox_event").update();
        redis.delete(properties.streamKey());
    }

    @Test
    void theTrimDropsEntriesPastTheRetentionAndKeepsRecentOnes() {
        Instant now = Instant.now();
        add(now.minus(Duration.ofDays(30)), "a month old");
        add(now.minus(properties.streamRetention()).minus(Duration.ofMinutes(1)), "just past the retention");
        add(now.minus(properties.streamRetention()).plus(Duration.ofMinutes(1)), "just within the retention");
        add(now.minus(Duration.ofMinutes(1)), "a minute old");

        assertThat(cleanup.trimStream()).isEqualTo(2);

        assertThat(entries()).containsExactly("just within the retention", "a minute old");
    }

    @Test
    void eachAppendTrimsOldEntriesApproximately() {
        Instant old = Instant.now().minus(Duration.ofDays(30));
        for (int i = 0; i < 300; i++) {
            add(old.plusMillis(i), "old " + i);
        }

        stream.append("new", Instant.now().minus(properties.streamRetention()));

        List<Object> entries = entries();
        assertThat(entries).as("whole nodes of old entries went (MINID ~)").hasSizeLessThan(301);
        assertThat(entries.getLast()).isEqualTo("new");
    }

    @Test
    void publishedRowsPastTheRetentionAreDeletedAndUnpublishedOnesNever() {
        insert("published 8 days ago", "now() - interval '9 days'", "now() - interval '8 days'");
        insert("published 6 days ago", "now() - interval '9 days'", "now() - interval '6 days'");
        insert("never published", "now() - interval '30 days'", "NULL");

        assertThat(cleanup.deletePublishedRows()).isEqualTo(1);

        assertThat(jdbc.sql("SELECT type FROM outbox_event ORDER BY type").query(String.class).list())
                .containsExactly("never published", "published 6 days ago");
    }

    @Test
    void deletesInBatchesUntilNothingIsLeftToDelete() {
        jdbc.sql("""
                INSERT INTO outbox_event (id, aggregate_id, type, payload, created_at, published_at, attempts)
                SELECT gen_random_uuid(), gen_random_uuid(), 'old', '{}', now() - interval '9 days',
                       now() - interval '8 days', 1
                FROM generate_series(1, 2500)
                """).update();

        assertThat(cleanup.deletePublishedRows()).isEqualTo(2500);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single()).isZero();
    }

    private void add(Instant at, String marker) {
        redis.opsForStream().add(StreamRecords.string(Map.of(OrderEventStream.EVENT_FIELD, marker))
                .withStreamKey(properties.streamKey()).withId(RecordId.of(at.toEpochMilli(), 0)));
    }

    private List<Object> entries() {
        List<MapRecord<String, Object, Object>> entries = redis.opsForStream().range(properties.streamKey(), Range.unbounded());
        return entries.stream().map(entry -> entry.getValue().get(OrderEventStream.EVENT_FIELD)).toList();
    }

    private void insert(String type, String createdAt, String publishedAt) {
        jdbc.sql("INSERT INTO outbox_event (id, aggregate_id, type, payload, created_at, published_at) "
                + "VALUES (gen_random_uuid(), gen_random_uuid(), :type, '{}', " + createdAt + ", " + publishedAt + ")")
                .param("type", type).update();
    }
}
