package dev.flotilla.user.account;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.flotilla.user.UserServiceProperties;
import dev.flotilla.user.account.AccountEvents.AccountChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cache-aside of profiles in Redis. The cache is never the truth: when Redis fails, reads go to
 * PostgreSQL and the failure is counted ({@code flotilla.user.cache.errors}); entries are evicted
 * after every committed change and expire after {@code flotilla.user.profile-cache-ttl} anyway.
 */
@Component
class ProfileCache {

    private static final Logger log = LoggerFactory.getLogger(ProfileCache.class);
    private static final String PREFIX = "user:profile:";

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration ttl;
    private final Counter errors;

    ProfileCache(StringRedisTemplate redis, JsonMapper json, UserServiceProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.json = json;
        this.ttl = properties.profileCacheTtl();
        this.errors = meters.counter("flotilla.user.cache.errors");
    }

    AccountView get(UUID id, Supplier<AccountView> loader) {
        return cached(id).orElseGet(() -> {
            AccountView view = loader.get();
            put(view);
            return view;
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void evict(AccountChanged event) {
        try {
            redis.delete(PREFIX + event.accountId());
        } catch (DataAccessException e) {
            failed("evict", e);
        }
    }

    private Optional<AccountView> cached(UUID id) {
        try {
            return Optional.ofNullable(redis.opsForValue().get(PREFIX + id)).map(text -> json.readValue(text, AccountView.class));
        } catch (DataAccessException | JacksonException e) {
            failed("read", e);
            return Optional.empty();
        }
    }

    private void put(AccountView view) {
        try {
            redis.opsForValue().set(PREFIX + view.id(), json.writeValueAsString(view), ttl);
        } catch (DataAccessException e) {
            failed("write", e);
        }
    }

    private void failed(String operation, Exception e) {
        errors.increment();
        log.warn("Profile cache {} failed, serving from PostgreSQL: {}", operation, e.getMessage());
    }
}
