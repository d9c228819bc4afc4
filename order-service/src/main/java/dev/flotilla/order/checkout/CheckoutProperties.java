package dev.flotilla.order.checkout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Checkout settings, under {@code flotilla.order.checkout}.
 *
 * @param idempotencyKeyTtl how long a stored checkout answers retries with the same key; after that
 *     the key counts as new
 * @param lockTtl how long the Redis lock of a key in flight lives at most (a crashed instance's lock
 *     expires by itself); longer than a checkout can take
 * @param confirmInterval how often placed orders whose reservation is not confirmed yet are retried
 * @param confirmAfter how old such an order must be before the job takes it (the checkout itself
 *     confirms right after its commit)
 */
@ConfigurationProperties("flotilla.order.checkout")
public record CheckoutProperties(
        @DefaultValue("24h") Duration idempotencyKeyTtl,
        @DefaultValue("30s") Duration lockTtl,
        @DefaultValue("2s") Duration confirmInterval,
        @DefaultValue("5s") Duration confirmAfter) {
}
