package dev.flotilla.order.outbox;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox table and the stream to their retention: deletes rows published longer ago than
 * the table retention, in small batches so no delete holds many locks, and trims stream entries older
 * than the stream retention exactly (appends trim only approximately, and not at all while nothing is
 * appended). Replicas may clean up at the same time; both steps are idempotent.
 */
@Component
class OutboxCleanup implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleanup.class);
    private static final int DELETE_BATCH = 1000;

    private final OutboxRows rows;
    private final EventStream stream;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxCleanup(OutboxRows rows, EventStream stream, OutboxProperties properties, Clock clock) {
        this.rows = rows;
        this.stream = stream;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::scheduledCleanup, properties.cleanupInterval());
    }

    void scheduledCleanup() {
        try {
            deletePublishedRows();
        } catch (RuntimeException e) {
            log.warn("Outbox cleanup could not delete published rows, retried at the next interval: {}", e.toString());
        }
        try {
            trimStream();
        } catch (RuntimeException e) {
            log.warn("Outbox cleanup could not trim stream {}, retried at the next interval: {}", stream.key(), e.toString());
        }
    }

    /** Deletes the rows published before the table retention; returns how many. */
    int deletePublishedRows() {
        Instant before = clock.instant().minus(properties.tableRetention());
        int total = 0;
        int deleted;
        do {
            deleted = rows.deletePublishedBefore(before, DELETE_BATCH);
            total += deleted;
        } while (deleted == DELETE_BATCH);
        return total;
    }

    /** Drops the stream entries older than the stream retention; returns how many. */
    long trimStream() {
        return stream.trim(clock.instant().minus(properties.streamRetention()));
    }
}
