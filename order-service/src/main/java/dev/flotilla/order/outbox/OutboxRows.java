package dev.flotilla.order.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox_event} table, in plain SQL: the claim needs {@code FOR UPDATE SKIP LOCKED}, and
 * the rows are never loaded as entities. Every method joins the caller's transaction.
 */
@Repository
class OutboxRows {

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID aggregateId, String type, String payload, @Nullable String traceparent,
            @Nullable String tracestate, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO outbox_event (id, aggregate_id, type, payload, traceparent, tracestate, created_at)
                VALUES (:id, :aggregateId, :type, :payload, :traceparent, :tracestate, :createdAt)
                """)
                .param("id", id).param("aggregateId", aggregateId).param("type", type).param("payload", payload)
                .param("traceparent", traceparent).param("tracestate", tracestate).param("createdAt", utc(createdAt))
                .update();
    }

    /**
     * Locks up to {@code limit} unpublished rows, oldest first, skipping rows another relay holds, so
     * that two relays never publish the same row at once. The locks last until the caller's transaction ends.
     */
    List<PendingEvent> claimUnpublished(int limit) {
        return jdbc.sql("""
                SELECT id, payload FROM outbox_event
                WHERE published_at IS NULL
                ORDER BY created_at, id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """)
                .param("limit", limit)
                .query((rs, row) -> new PendingEvent(rs.getObject("id", UUID.class), rs.getString("payload")))
                .list();
    }

    void markPublished(List<UUID> ids, Instant publishedAt) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE outbox_event SET published_at = :publishedAt, attempts = attempts + 1 WHERE id IN (:ids)")
                .param("publishedAt", utc(publishedAt)).param("ids", ids).update();
    }

    void recordFailedAttempt(UUID id) {
        jdbc.sql("UPDATE outbox_event SET attempts = attempts + 1 WHERE id = :id").param("id", id).update();
    }

    /** Deletes up to {@code limit} rows published before the instant; returns how many it deleted. */
    int deletePublishedBefore(Instant before, int limit) {
        return jdbc.sql("""
                DELETE FROM outbox_event WHERE id IN (
                    SELECT id FROM outbox_event WHERE published_at < :before LIMIT :limit)
                """)
                .param("before", utc(before)).param("limit", limit).update();
    }

    Backlog backlog() {
        return jdbc.sql("SELECT count(*) AS rows, min(created_at) AS oldest FROM outbox_event WHERE published_at IS NULL")
                .query((rs, row) -> {
                    OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
                    return new Backlog(rs.getLong("rows"), oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A row to publish: its id and the CloudEvent JSON written when it was appended. */
    record PendingEvent(UUID id, String payload) {
    }

    /** The unpublished rows: how many, and when the oldest was appended (null when there are none). */
    record Backlog(long rows, @Nullable Instant oldest) {
    }
}
