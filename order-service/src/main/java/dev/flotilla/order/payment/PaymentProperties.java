package dev.flotilla.order.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment settings, under {@code flotilla.order.payment}.
 *
 * @param timeout how long a checkout waits for the processor's answer before the payment counts as
 *     unknown (not declined) and the order waits in {@code PAYMENT_PENDING}
 * @param concurrency how many authorisations may wait on the processor at once; more are refused
 *     with 503 rather than queued behind a slow processor
 * @param testCardDelay how long the built-in processor's "times out" card blocks
 * @param reconcileInterval how often pending payments are looked up at the processor
 * @param pendingTimeout how long a pending payment may stay unresolved before the order is failed and
 *     its stock released; keep it shorter than product-service's reservation TTL (15 min)
 */
@ConfigurationProperties("flotilla.order.payment")
public record PaymentProperties(
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("64") int concurrency,
        @DefaultValue("10s") Duration testCardDelay,
        @DefaultValue("5s") Duration reconcileInterval,
        @DefaultValue("10m") Duration pendingTimeout) {
}
