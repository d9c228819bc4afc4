package dev.flotilla.order.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import dev.flotilla.order.outbox.OutboxRows.PendingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to the order-events stream. Each pass claims a batch of unpublished rows
 * ({@code FOR UPDATE SKIP LOCKED}, so replicas relaying at once never take the same row), appends each
 * to the stream, marks the appended ones published and commits; it repeats while batches come back
 * full. Delivery is at least once: a crash between the append and the commit leaves the row
 * unpublished, and the next pass publishes it again with the same CloudEvent id.
 *
 * <p>When Redis (or the database) fails, the rows appended so far are marked, the rest stay
 * unpublished, and the relay pauses, doubling the pause with each failure up to the configured
 * maximum. It stops claiming when the application context closes; a pass under way finishes its batch.
 */
@Component
class OutboxRelay implements SchedulingConfigurer, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRows rows;
    private final EventStream stream;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private final ReentrantLock pass = new ReentrantLock();
    private volatile boolean running;
    private volatile @Nullable Duration backoff;
    private volatile Instant pausedUntil = Instant.MIN;

    OutboxRelay(OutboxRows rows, EventStream stream, PlatformTransactionManager transactionManager,
            OutboxProperties properties, Clock clock, MeterRegistry meters) {
        this.rows = rows;
        this.stream = stream;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("flotilla.outbox.published").description("Outbox events appended to the stream")
                .register(meters);
        this.failures = Counter.builder("flotilla.outbox.publish.failures")
                .description("Relay passes that stopped on a failure (Redis or the database)").register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.relayEnabled()) {
            registrar.addFixedDelayTask(this::scheduledPass, properties.pollInterval());
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Stops claiming, then waits for the batch in flight, if any, to commit. */
    @Override
    public void stop() {
        running = false;
        pass.lock();
        pass.unlock();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A pass unless the relay is pausing after a failure; failures are logged, never thrown. */
    void scheduledPass() {
        if (clock.instant().isBefore(pausedUntil)) {
            return;
        }
        try {
            relay();
            backoff = null;
        } catch (RuntimeException e) {
            failures.increment();
            Duration pause = backoff == null ? properties.initialBackoff() : min(backoff.multipliedBy(2), properties.maxBackoff());
            backoff = pause;
            pausedUntil = clock.instant().plus(pause);
            log.warn("Outbox relay failed, rows stay unpublished; retrying in {}: {}", pause, e.toString());
        }
    }

    /** Publishes batches until one comes back short or the relay stops; returns how many rows it published. */
    int relay() {
        pass.lock();
        try {
            int total = 0;
            Batch batch;
            do {
                batch = publishBatch();
                total += batch.published();
            } while (running && batch.claimed() == properties.batchSize());
            return total;
        } finally {
            pass.unlock();
        }
    }

    private Batch publishBatch() {
        if (!running) {
            return new Batch(0, 0, null);
        }
        Batch batch = transactions.execute(status -> publish(rows.claimUnpublished(properties.batchSize())));
        published.increment(batch.published());
        if (batch.failure() != null) {
            throw batch.failure();
        }
        return batch;
    }

    /** In the claiming transaction: appends each row, stopping at the first failure, and marks those appended. */
    private Batch publish(List<PendingEvent> claimed) {
        Instant keepAfter = clock.instant().minus(properties.streamRetention());
        List<UUID> appended = new ArrayList<>(claimed.size());
        RuntimeException failure = null;
        for (PendingEvent event : claimed) {
            try {
                stream.append(event.payload(), keepAfter);
                appended.add(event.id());
            } catch (RuntimeException e) {
                rows.recordFailedAttempt(event.id());
                failure = e;
                break;
            }
        }
        rows.markPublished(appended, clock.instant());
        return new Batch(claimed.size(), appended.size(), failure);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Batch(int claimed, int published, @Nullable RuntimeException failure) {
    }
}
