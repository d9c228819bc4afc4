package dev.flotilla.analytics.cache;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;

import dev.flotilla.analytics.aggregate.AggregateVersions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computed reports, kept in the pod-local SQLite file and keyed by their query.
 *
 * <p>An entry holds the stamp its days had when it was computed ({@link AggregateVersions}, shared
 * by every instance through Redis). Every event applied to one of those days, by any instance, raises
 * the stamp, so a read compares stamps and recomputes on a difference: an entry is invalidated by the
 * events that touch its date range and by nothing else. The stamp is read before the report is computed,
 * never after, so an entry can be older than its stamp says but never newer.
 *
 * <p>The cache only saves time: when Redis or the file fails, the report is computed and served uncached.
 */
@Component
public class ReportCache {

    private static final Logger log = LoggerFactory.getLogger(ReportCache.class);
    /** read_at is only refreshed when it is older than this: a cached read stays a read. */
    private static final long TOUCH_AFTER_MILLIS = 60_000;

    private final JdbcClient jdbc;
    private final AggregateVersions versions;
    private final JsonMapper json;
    private final ReportCacheProperties properties;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;
    private final Counter stale;
    private final Counter bypassed;

    ReportCache(JdbcClient jdbc, AggregateVersions versions, JsonMapper json, ReportCacheProperties properties, Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.hits = counter(meters, "hit");
        this.misses = counter(meters, "miss");
        this.stale = counter(meters, "stale");
        this.bypassed = counter(meters, "bypassed");
    }

    /** The report of {@code query} over the days {@code from} to {@code to}: cached if still current, else computed and kept. */
    public <T> T get(String query, LocalDate from, LocalDate to, Class<T> type, Supplier<T> compute) {
        if (!properties.enabled()) {
            return compute.get();
        }
        String stamp;
        try {
            stamp = versions.stamp(from, to);
        } catch (RuntimeException e) {
            log.debug("Report {} not cached: no stamp ({})", query, e.getMessage());
            bypassed.increment();
            return compute.get();
        }
        Entry entry = read(query);
        if (entry != null && entry.stamp().equals(stamp)) {
            T cached = parse(entry.body(), type);
            if (cached != null) {
                hits.increment();
                touch(query, entry);
                return cached;
            }
        }
        (entry == null ? misses : stale).increment();
        T report = compute.get();
        store(query, stamp, report);
        return report;
    }

    /** Forgets every entry. */
    public void clear() {
        jdbc.sql("DELETE FROM report_cache").update();
    }

    /** Entries kept. */
    public int size() {
        return jdbc.sql("SELECT count(*) FROM report_cache").query(Integer.class).single();
    }

    private record Entry(String stamp, String body, long readAt) {
    }

    private @Nullable Entry read(String query) {
        try {
            return jdbc.sql("SELECT stamp, body, read_at FROM report_cache WHERE query = ?").param(query)
                    .query((row, n) -> new Entry(row.getString(1), row.getString(2), row.getLong(3))).optional().orElse(null);
        } catch (RuntimeException e) {
            log.warn("Report cache not readable: {}", e.getMessage());
            return null;
        }
    }

    private <T> @Nullable T parse(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (RuntimeException e) {
            // Written by an older version of the report: recomputed.
            return null;
        }
    }

    private void touch(String query, Entry entry) {
        long now = clock.millis();
        if (now - entry.readAt() > TOUCH_AFTER_MILLIS) {
            try {
                jdbc.sql("UPDATE report_cache SET read_at = ? WHERE query = ?").params(now, query).update();
            } catch (RuntimeException e) {
                log.debug("Report cache entry not touched: {}", e.getMessage());
            }
        }
    }

    private void store(String query, String stamp, Object report) {
        long now = clock.millis();
        try {
            jdbc.sql("INSERT OR REPLACE INTO report_cache (query, stamp, body, stored_at, read_at) VALUES (?, ?, ?, ?, ?)")
                    .params(query, stamp, json.writeValueAsString(report), now, now).update();
            int excess = size() - properties.maxEntries();
            if (excess > 0) {
                // Make room for a tenth more at once, so eviction does not run on every store.
                jdbc.sql("DELETE FROM report_cache WHERE query IN (SELECT query FROM report_cache ORDER BY read_at LIMIT ?)")
                        .param(excess + properties.maxEntries() / 10).update();
            }
        } catch (RuntimeException e) {
            log.warn("Report {} not cached: {}", query, e.getMessage());
        }
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("flotilla.analytics.report.cache").tag("result", result)
                .description("report reads by what the cache did: hit, miss, stale (recomputed), bypassed (no stamp)")
                .register(meters);
    }
}
