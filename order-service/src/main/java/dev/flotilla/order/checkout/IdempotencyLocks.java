package dev.flotilla.order.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * A short lock per user and idempotency key while its checkout runs, in Redis: a concurrent duplicate
 * is told to wait instead of running a second checkout. The lock only spares work; the durable
 * {@link IdempotencyRecord} decides, so a lost lock (Redis restarted, key evicted) can never create a
 * second order.
 */
@Component
class IdempotencyLocks {

    private static final RedisScript<Long> RELEASE = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", Long.class);

    private final StringRedisTemplate redis;
    private final CheckoutProperties properties;

    IdempotencyLocks(StringRedisTemplate redis, CheckoutProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** The lock, if no other request holds it. */
    Optional<Lock> tryLock(UUID userId, String idempotencyKey) {
        String key = "checkout-lock:" + userId + ":" + sha256(idempotencyKey);
        String token = UUID.randomUUID().toString();
        Boolean acquired = redis.opsForValue().setIfAbsent(key, token, properties.lockTtl());
        return Boolean.TRUE.equals(acquired) ? Optional.of(new Lock(key, token)) : Optional.empty();
    }

    void release(Lock lock) {
        redis.execute(RELEASE, List.of(lock.key()), lock.token());
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A held lock: only its holder's token releases it. */
    record Lock(String key, String token) {
    }
}
