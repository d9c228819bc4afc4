package dev.flotilla.order.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.flotilla.order.outbox.OutboxRows.Backlog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The outbox backlog as gauges: {@code flotilla.outbox.unpublished} (rows waiting for the relay) and
 * {@code flotilla.outbox.oldest.unpublished.age} (how long the oldest has waited; 0 when none). A
 * growing age means events are not reaching the stream: Redis down, or the relay stopped everywhere.
 * The table is read at most once a second, however often the gauges are scraped; when the database
 * cannot be read the gauges report NaN.
 */
@Component
class OutboxMetrics implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final OutboxRows rows;
    private final Clock clock;
    private volatile Reading last = new Reading(Instant.MIN, null);

    OutboxMetrics(OutboxRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("flotilla.outbox.unpublished", this, OutboxMetrics::unpublished)
                .description("Outbox rows not yet published to the stream").register(registry);
        TimeGauge.builder("flotilla.outbox.oldest.unpublished.age", this, TimeUnit.SECONDS, OutboxMetrics::oldestAgeSeconds)
                .description("How long the oldest unpublished outbox row has waited").register(registry);
    }

    double unpublished() {
        Backlog backlog = backlog();
        return backlog == null ? Double.NaN : backlog.rows();
    }

    double oldestAgeSeconds() {
        Backlog backlog = backlog();
        if (backlog == null) {
            return Double.NaN;
        }
        if (backlog.oldest() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(backlog.oldest(), clock.instant()).toMillis() / 1000.0);
    }

    private @Nullable Backlog backlog() {
        Reading reading = last;
        Instant now = clock.instant();
        if (reading.at().plus(FRESH_FOR).isAfter(now)) {
            return reading.backlog();
        }
        Backlog backlog;
        try {
            backlog = rows.backlog();
        } catch (RuntimeException e) {
            backlog = null;
        }
        last = new Reading(now, backlog);
        return backlog;
    }

    private record Reading(Instant at, @Nullable Backlog backlog) {
    }
}
