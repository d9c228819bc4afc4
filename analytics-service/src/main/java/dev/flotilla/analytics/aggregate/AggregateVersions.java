package dev.flotilla.analytics.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * A version per day of aggregates, shared by every instance through Redis, so that a report cached by
 * one instance is known to be stale when another instance applies an event to one of its days.
 *
 * <p>Each change takes a number from one counter and stores it as the version of every day it touched
 * (one Lua script, atomic); a swap of generations stores one as well. A range's stamp is the highest
 * of its days' versions and of the swap's: any later change to the range raises it. A change is
 * stamped after its aggregates are stored (a report computed in between holds the new figures under
 * the old stamp and is merely recomputed once more) and again on every redelivery, so a crash between
 * the two cannot leave a report cached under a stamp that will never move.
 */
@Component
public class AggregateVersions {

    static final String KEY = "analytics:aggregates:versions";
    static final String SEQUENCE = "analytics:aggregates:sequence";
    private static final String SWAP = "generation";
    private static final RedisScript<Long> TOUCH = RedisScript.of("""
            local version = redis.call('INCR', KEYS[2])
            for i = 1, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], version) end
            return version""", Long.class);

    private final StringRedisTemplate redis;

    AggregateVersions(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Marks the days as changed. */
    void touched(Collection<LocalDate> days) {
        if (!days.isEmpty()) {
            redis.execute(TOUCH, List.of(KEY, SEQUENCE), days.stream().distinct().map(LocalDate::toString).toArray());
        }
    }

    /** Marks every day as changed: reports now read another generation. */
    public void swapped() {
        redis.execute(TOUCH, List.of(KEY, SEQUENCE), SWAP);
    }

    /** The stamp of the days from {@code from} to {@code to}, inclusive: it changes whenever one of them does. */
    public String stamp(LocalDate from, LocalDate to) {
        List<Object> fields = new ArrayList<>();
        fields.add(SWAP);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            fields.add(day.toString());
        }
        long highest = 0;
        for (Object version : redis.opsForHash().multiGet(KEY, fields)) {
            if (version != null) {
                highest = Math.max(highest, Long.parseLong(version.toString()));
            }
        }
        return Long.toString(highest);
    }
}
