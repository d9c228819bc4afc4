package dev.flotilla.order.cart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flotilla.order.catalogue.CatalogueProduct;
import dev.flotilla.order.catalogue.ProductIds;
import dev.flotilla.order.pricing.Money;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carts in Redis: one hash per user ({@code cart:{userId}}), a field per product holding the line as
 * JSON, kept for {@link CartProperties#ttl()} after the last change. Changes are Lua scripts
 * ({@link CartScripts}), so concurrent changes neither lose updates nor pass the limits.
 */
@Component
public class Carts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Comparator<CartLine> ORDER_ADDED = Comparator.comparing(CartLine::addedAt)
            .thenComparing(CartLine::productId);

    private final StringRedisTemplate redis;
    private final CartProperties properties;

    Carts(StringRedisTemplate redis, CartProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** The user's cart, oldest line first; empty when there is none. */
    public List<CartLine> lines(UUID userId) {
        Map<Object, Object> fields = redis.opsForHash().entries(key(userId));
        return fields.entrySet().stream()
                .map(field -> JSON.readValue((String) field.getValue(), StoredLine.class).toLine((String) field.getKey()))
                .sorted(ORDER_ADDED).toList();
    }

    /** Checkout found a new price (and name) for a product: the cart shows it from now on. */
    public void repriced(UUID userId, String productId, Money newPrice, String newName) {
        redis.execute(CartScripts.REPRICE_LINE, List.of(key(userId)), ProductIds.canonical(productId),
                newPrice.amount().toPlainString(), newPrice.currency(), newName, ttlSeconds());
    }

    /** Empties the cart (after a checkout, or when the user asks). */
    public void clear(UUID userId) {
        redis.delete(key(userId));
    }

    /** Adds units of a product, as a new line or to its line; answers the line's new quantity. */
    int add(UUID userId, CatalogueProduct product, int quantity, Instant now) {
        StoredLine line = new StoredLine(product.sku(), product.name(), product.category(), 0,
                product.price().amount().toPlainString(), product.price().currency(), now.toString());
        return change(userId, product.id(), "add", quantity, JSON.writeValueAsString(line));
    }

    /** Sets the quantity of a product already in the cart. */
    int set(UUID userId, String productId, int quantity) {
        return change(userId, ProductIds.canonical(productId), "set", quantity, "{}");
    }

    /** Removes a product's line; removing one that is not there is fine. */
    /** Removes a line; a product that is not in the cart is a 404, as for a change of quantity. */
    void remove(UUID userId, String productId) {
        Long removed = redis.execute(CartScripts.REMOVE_LINE, List.of(key(userId)), ProductIds.canonical(productId), ttlSeconds());
        if (removed == null || removed == 0) {
            throw new CartLineNotFoundException(productId);
        }
    }

    private int change(UUID userId, String productId, String mode, int quantity, String newLine) {
        List<?> outcome = redis.execute(CartScripts.CHANGE_LINE, List.of(key(userId)), productId, mode,
                Integer.toString(quantity), newLine, Integer.toString(properties.maxQuantityPerLine()),
                Integer.toString(properties.maxLines()), Integer.toString(properties.maxUnits()), ttlSeconds());
        String answer = String.valueOf(outcome.get(0));
        long value = ((Number) outcome.get(1)).longValue();
        return switch (answer) {
            case "ok" -> (int) value;
            case "missing" -> throw new CartLineNotFoundException(productId);
            default -> throw new CartLimitException(answer, value);
        };
    }

    private String ttlSeconds() {
        return Long.toString(Math.max(1, properties.ttl().toSeconds()));
    }

    static String key(UUID userId) {
        return "cart:" + userId;
    }

    /** A line as stored: amounts as exact strings, the time as ISO-8601. */
    record StoredLine(String sku, String name, String category, int quantity, String amount, String currency,
            String addedAt) {

        CartLine toLine(String productId) {
            return new CartLine(productId, sku, name, category, quantity, new Money(new BigDecimal(amount), currency),
                    Instant.parse(addedAt));
        }
    }
}
