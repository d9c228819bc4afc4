package dev.flotilla.product.catalogue;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.flotilla.product.ProductServiceProperties;
import org.springframework.stereotype.Component;

/**
 * A small in-process copy of recent cache entries, kept for {@code flotilla.product.near-cache-ttl}
 * (one second by default): a popular product is then read from Redis about once a second per replica
 * instead of on every request. Changes evict it here at once and, through a Redis channel
 * ({@link ProductInvalidations}), on the other replicas within milliseconds; the short TTL bounds
 * staleness when a message is lost.
 */
@Component
class NearCache {

    private final ConcurrentHashMap<String, Timed> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    NearCache(ProductServiceProperties properties) {
        this.ttlNanos = properties.nearCacheTtl().toNanos();
        this.maxEntries = properties.nearCacheSize();
    }

    private record Timed(ProductCache.Entry entry, long storedAt) {
    }

    Optional<ProductCache.Entry> get(String id) {
        Timed timed = entries.get(id);
        if (timed == null || System.nanoTime() - timed.storedAt() > ttlNanos) {
            return Optional.empty();
        }
        return Optional.of(timed.entry());
    }

    void put(String id, ProductCache.Entry entry) {
        if (ttlNanos == 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            // Entries live a second: dropping all of them at once costs no more than a second of misses.
            entries.clear();
        }
        entries.put(id, new Timed(entry, System.nanoTime()));
    }

    void evict(String id) {
        entries.remove(id);
    }
}
