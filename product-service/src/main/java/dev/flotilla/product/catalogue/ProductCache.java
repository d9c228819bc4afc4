package dev.flotilla.product.catalogue;

import java.time.Duration;
import java.util.Optional;

import dev.flotilla.product.ProductServiceProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cache-aside of product views in Redis ({@code product:<id>}, with a TTL), in front of which a
 * {@link NearCache} keeps popular entries in the process for a second. An entry is the view's
 * entity tag and status followed by its JSON, so a hit is answered without parsing or writing JSON. The
 * cache is never the truth: every write evicts the entry after it reached MongoDB, and when Redis
 * fails, reads go to MongoDB and writes still succeed; failures are counted in
 * {@code flotilla.product.cache.errors}.
 */
@Component
public class ProductCache {

    private static final Logger log = LoggerFactory.getLogger(ProductCache.class);
    private static final String PREFIX = "product:";

    private final StringRedisTemplate redis;
    private final NearCache near;
    private final JsonMapper json;
    private final Duration ttl;
    private final Counter nearHits;
    private final Counter hits;
    private final Counter misses;
    private final Counter errors;

    ProductCache(StringRedisTemplate redis, NearCache near, JsonMapper json, ProductServiceProperties properties,
            MeterRegistry meters) {
        this.redis = redis;
        this.near = near;
        this.json = json;
        this.ttl = properties.cacheTtl();
        this.nearHits = meters.counter("flotilla.product.cache.requests", "result", "near-hit");
        this.hits = meters.counter("flotilla.product.cache.requests", "result", "hit");
        this.misses = meters.counter("flotilla.product.cache.requests", "result", "miss");
        this.errors = meters.counter("flotilla.product.cache.errors");
    }

    /** A product as the API returns it, ready to send. */
    record Entry(String etag, ProductStatus status, String json) {

        boolean isActive() {
            return status == ProductStatus.ACTIVE;
        }
    }

    Entry entry(ProductView view) {
        return new Entry(view.etag(), view.status(), json.writeValueAsString(view));
    }

    Optional<Entry> get(String id) {
        Optional<Entry> nearby = near.get(id);
        if (nearby.isPresent()) {
            nearHits.increment();
            return nearby;
        }
        try {
            String cached = redis.opsForValue().get(PREFIX + id);
            (cached == null ? misses : hits).increment();
            Optional<Entry> entry = Optional.ofNullable(cached).map(ProductCache::parse);
            entry.ifPresent(found -> near.put(id, found));
            return entry;
        } catch (DataAccessException | IllegalArgumentException e) {
            failed("read", e);
            return Optional.empty();
        }
    }

    void put(String id, Entry entry) {
        near.put(id, entry);
        try {
            redis.opsForValue().set(PREFIX + id, entry.etag() + " " + entry.status() + " " + entry.json(), ttl);
        } catch (DataAccessException e) {
            failed("write", e);
        }
    }

    /** Removes a product after a change; public because stock changes in the stock feature evict too. */
    public void evict(String id) {
        near.evict(id);
        try {
            redis.delete(PREFIX + id);
            ProductInvalidations.publish(redis, id);
        } catch (DataAccessException e) {
            failed("evict", e);
        }
    }

    private static Entry parse(String cached) {
        int first = cached.indexOf(' ');
        int second = cached.indexOf(' ', first + 1);
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException("malformed cache entry");
        }
        return new Entry(cached.substring(0, first), ProductStatus.valueOf(cached.substring(first + 1, second)),
                cached.substring(second + 1));
    }

    private void failed(String operation, Exception e) {
        errors.increment();
        log.warn("Product cache {} failed, MongoDB answers instead: {}", operation, e.getMessage());
    }
}
