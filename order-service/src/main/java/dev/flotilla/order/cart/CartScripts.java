package dev.flotilla.order.cart;

import java.util.List;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts that change a cart. Redis runs a script alone, so reading the cart, checking the
 * limits and writing happen as one step: two concurrent adds never lose an update and never pass a
 * limit together. Each change also sets the cart's time to live again.
 */
final class CartScripts {

    /**
     * KEYS: the cart. ARGV: product id, {@code add} or {@code set}, quantity, the line to create if
     * absent (JSON), max quantity per line, max lines, max units, TTL in seconds. Answers
     * {@code {'ok', quantity}}, {@code {'missing', 0}} (set on no line) or {@code {limit, maximum}}.
     */
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> CHANGE_LINE = RedisScript.of("""
            local existing = redis.call('HGET', KEYS[1], ARGV[1])
            if not existing and ARGV[2] == 'set' then return {'missing', 0} end
            local values = redis.call('HVALS', KEYS[1])
            local units = 0
            for _, value in ipairs(values) do units = units + cjson.decode(value).quantity end
            local line
            if existing then
              line = cjson.decode(existing)
            else
              if #values >= tonumber(ARGV[6]) then return {'lines-per-cart', tonumber(ARGV[6])} end
              line = cjson.decode(ARGV[4])
              line.quantity = 0
            end
            local quantity = tonumber(ARGV[3])
            if ARGV[2] == 'add' then quantity = line.quantity + quantity end
            if quantity > tonumber(ARGV[5]) then return {'quantity-per-line', tonumber(ARGV[5])} end
            if units - line.quantity + quantity > tonumber(ARGV[7]) then return {'units-per-cart', tonumber(ARGV[7])} end
            line.quantity = quantity
            redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(line))
            redis.call('EXPIRE', KEYS[1], tonumber(ARGV[8]))
            return {'ok', quantity}
            """, List.class);

    /** KEYS: the cart. ARGV: product id, TTL in seconds. Removes the line; a cart left is kept longer. */
    static final RedisScript<Long> REMOVE_LINE = RedisScript.of("""
            local removed = redis.call('HDEL', KEYS[1], ARGV[1])
            if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2])) end
            return removed
            """, Long.class);

    /** KEYS: the cart. ARGV: product id, amount, currency, name, TTL in seconds. Answers 1 if repriced. */
    static final RedisScript<Long> REPRICE_LINE = RedisScript.of("""
            local existing = redis.call('HGET', KEYS[1], ARGV[1])
            if not existing then return 0 end
            local line = cjson.decode(existing)
            line.amount = ARGV[2]
            line.currency = ARGV[3]
            line.name = ARGV[4]
            redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(line))
            redis.call('EXPIRE', KEYS[1], tonumber(ARGV[5]))
            return 1
            """, Long.class);

    private CartScripts() {
    }
}
