package dev.flotilla.user.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Counters of events in fixed windows in Redis, for rate limits. A window starts with its first event
 * and ends {@link Window#length()} later.
 *
 * <p>Two ways to count: {@link #count(Window)} counts every event (attempts per address), and
 * {@link #reserve(List)} / {@link #refund(Reservation)} count only failures without a gap that
 * simultaneous requests could slip through: a slot is reserved atomically in every window before the
 * expensive check (a password hash) and given back when the check succeeds.
 *
 * <p><b>Fails open.</b> When Redis cannot be reached nothing is refused, so that users are not locked
 * out by a Redis outage; every skipped operation is counted in the meter given to the constructor.
 */
public final class RateLimitWindows {

    private static final Logger log = LoggerFactory.getLogger(RateLimitWindows.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> COUNT = RedisScript.of(new ClassPathResource("redis/count-in-window.lua"), List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RESERVE = RedisScript.of(new ClassPathResource("redis/reserve-in-windows.lua"), List.class);
    private static final RedisScript<Long> REFUND = RedisScript.of(new ClassPathResource("redis/refund-in-windows.lua"), Long.class);

    private final StringRedisTemplate redis;
    private final Counter skipped;

    public RateLimitWindows(StringRedisTemplate redis, Counter skipped) {
        this.redis = redis;
        this.skipped = skipped;
    }

    /** A counter in Redis that allows {@code limit} events per window of {@code length}. */
    public record Window(String key, int limit, Duration length) {

        /** Counts events in the window but never refuses one. */
        public static Window unlimited(String key, Duration length) {
            return new Window(key, Integer.MAX_VALUE, length);
        }
    }

    /**
     * What {@link #reserve(List)} did: reserved a slot in {@code keys}, or was refused by the full
     * window {@code refusedBy}, which ends after {@code retryAfter}.
     */
    public record Reservation(List<String> keys, @Nullable Window refusedBy, Duration retryAfter) {

        public boolean refused() {
            return refusedBy != null;
        }
    }

    /** Counts one event; the time until the window ends if the event is beyond the limit, else empty. */
    public Optional<Duration> count(Window window) {
        List<?> counted = store(() -> redis.execute(COUNT, List.of(window.key()), millis(window.length())), null);
        if (counted == null || (Long) counted.get(0) <= window.limit()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.max(0, (Long) counted.get(1))));
    }

    /** Reserves one event in every window, or in none if one of them is full. */
    public Reservation reserve(List<Window> windows) {
        List<String> keys = windows.stream().map(Window::key).toList();
        List<String> arguments = new ArrayList<>();
        windows.forEach(window -> {
            arguments.add(Integer.toString(window.limit()));
            arguments.add(millis(window.length()));
        });
        List<?> result = store(() -> redis.execute(RESERVE, keys, arguments.toArray()), null);
        if (result == null) {
            return new Reservation(List.of(), null, Duration.ZERO);
        }
        int refusedBy = ((Long) result.get(0)).intValue();
        if (refusedBy == 0) {
            return new Reservation(keys, null, Duration.ZERO);
        }
        return new Reservation(List.of(), windows.get(refusedBy - 1), Duration.ofMillis(Math.max(0, (Long) result.get(1))));
    }

    /** Gives back the slots of a reservation, in the windows that have not ended since. */
    public void refund(Reservation reservation) {
        if (!reservation.keys().isEmpty()) {
            store(() -> redis.execute(REFUND, reservation.keys()), null);
        }
    }

    /** Ends the window of {@code key}: its count starts again from zero. */
    public void clear(String key) {
        store(() -> redis.delete(key), null);
    }

    /** Records a fact that expires after {@code ttl} (an address an account signed in from, say). */
    public void remember(String key, Duration ttl) {
        store(() -> {
            redis.opsForValue().set(key, "1", ttl);
            return null;
        }, null);
    }

    /** Whether a fact {@linkplain #remember(String, Duration) remembered} has not expired; false if Redis is down. */
    public boolean remembers(String key) {
        return Boolean.TRUE.equals(store(() -> redis.hasKey(key), false));
    }

    private <T> @Nullable T store(Supplier<T> operation, @Nullable T whenDown) {
        try {
            return operation.get();
        } catch (DataAccessException e) {
            skipped.increment();
            log.warn("Rate limit not applied, Redis unavailable: {}", e.getMessage());
            return whenDown;
        }
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
