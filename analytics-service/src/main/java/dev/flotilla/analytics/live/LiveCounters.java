package dev.flotilla.analytics.live;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flotilla.order.events.OrderCancelled;
import dev.flotilla.order.events.OrderEvent;
import dev.flotilla.order.events.OrderPlaced;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Today's figures in Redis, per UTC day: orders, revenue in euro cents, unique buyers (HyperLogLog).
 * One Lua script per batch marks each event applied ({@code SET NX}) and changes the counters, atomically, so
 * a redelivered event changes nothing while its mark lives (two days, longer than any redelivery). A
 * cancellation lowers the orders and revenue of the day it is applied; buyers stay counted.
 */
@Component
public class LiveCounters {

    static final Duration KEEP = Duration.ofDays(2);
    /** KEYS: the three counters, then one mark per event; ARGV: the mark lifetime, then sign, cents, buyer per event. */
    private static final RedisScript<Long> APPLY_ALL = RedisScript.of("""
            local applied = 0
            for i = 4, #KEYS do
              local at = 2 + (i - 4) * 3
              if redis.call('SET', KEYS[i], '1', 'NX', 'EX', ARGV[1]) then
                redis.call('INCRBY', KEYS[1], ARGV[at])
                redis.call('INCRBY', KEYS[2], ARGV[at + 1])
                if ARGV[at + 2] ~= '' then redis.call('PFADD', KEYS[3], ARGV[at + 2]) end
                applied = applied + 1
              end
            end
            for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[1]) end
            return applied""", Long.class);

    private final StringRedisTemplate redis;

    LiveCounters(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Applies an event to the counters of the day it is applied; false when it was applied before. */
    public boolean apply(UUID eventId, OrderEvent event, LocalDate today) {
        return applyAll(Map.of(eventId, event), today) == 1;
    }

    /** Applies events to the counters of the day they are applied, in one call; returns how many were new. */
    public long applyAll(Map<UUID, OrderEvent> events, LocalDate today) {
        if (events.isEmpty()) {
            return 0;
        }
        List<String> keys = new ArrayList<>(List.of(key(today, "orders"), key(today, "revenue-cents"), key(today, "buyers")));
        List<String> arguments = new ArrayList<>(List.of(Long.toString(KEEP.toSeconds())));
        events.forEach((id, event) -> {
            int sign = event instanceof OrderCancelled ? -1 : 1;
            keys.add("analytics:live:applied:" + id);
            arguments.add(Integer.toString(sign));
            arguments.add(Long.toString(cents(event) * sign));
            arguments.add(event instanceof OrderPlaced placed ? placed.userId().toString() : "");
        });
        Long applied = redis.execute(APPLY_ALL, keys, arguments.toArray());
        return applied == null ? 0 : applied;
    }

    private static long cents(OrderEvent event) {
        BigDecimal revenue = switch (event) {
            case OrderPlaced placed -> placed.totalsEur().subtotal();
            case OrderCancelled cancelled -> cancelled.totalsEur().subtotal();
        };
        return revenue.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }

    /** The counters of a day. */
    public Live read(LocalDate day) {
        List<String> values = redis.opsForValue().multiGet(List.of(key(day, "orders"), key(day, "revenue-cents")));
        Long buyers = redis.opsForHyperLogLog().size(key(day, "buyers"));
        return new Live(day, parse(values.get(0)), BigDecimal.valueOf(parse(values.get(1)), 2), buyers == null ? 0 : buyers);
    }

    public static LocalDate today(java.time.Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static long parse(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String key(LocalDate day, String counter) {
        return "analytics:live:" + day + ":" + counter;
    }

    /** A day's live figures: orders (net of cancellations), revenue in euros, unique buyers (about 0.8 % error). */
    public record Live(LocalDate day, long orders, BigDecimal revenueEur, long uniqueBuyers) {
    }
}
