package dev.flotilla.order.catalogue;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How order-service calls product-service, under {@code flotilla.order.product-service}; every key
 * can be set from the environment ({@code FLOTILLA_ORDER_PRODUCT_SERVICE_READ_TIMEOUT=800ms}, and
 * {@code FLOTILLA_PRODUCT_SERVICE_URL} for the address). The client credentials themselves are
 * Spring Security's registration {@code product-service} under {@code spring.security.oauth2.client}.
 *
 * <p>A call, its retries and any token it needs finish within {@code callBudget} (plus at most one
 * {@code connectTimeout}): checkout has three seconds for everything.
 *
 * @param baseUrl where product-service answers
 * @param connectTimeout how long opening a connection may take
 * @param readTimeout how long one exchange may wait for its answer
 * @param callBudget how long one call may take in all, retries and token requests included
 * @param tokenRenewalSkew how long before its expiry an access token is renewed, so a token is never
 *     sent in its last seconds (or on a clock a little ahead of ours)
 * @param retry retries of failed calls
 * @param breaker the circuit breaker in front of product-service
 */
@ConfigurationProperties("flotilla.order.product-service")
public record ProductServiceProperties(
        @DefaultValue("http://localhost:8082") URI baseUrl,
        @DefaultValue("300ms") Duration connectTimeout,
        @DefaultValue("1s") Duration readTimeout,
        @DefaultValue("2500ms") Duration callBudget,
        @DefaultValue("60s") Duration tokenRenewalSkew,
        @DefaultValue Retry retry,
        @DefaultValue Breaker breaker) {

    /**
     * Retries, only of I/O errors, timeouts, 5xx and 429, never of another 4xx. Every call to
     * product-service is idempotent: a reservation's id is ours, and product-service answers a repeated
     * reserve with the first outcome.
     *
     * @param maxRetries retries after the first attempt (0: none)
     * @param delay the wait before the first retry
     * @param multiplier how much each further wait grows
     * @param maxDelay the longest wait between two attempts
     */
    public record Retry(
            @DefaultValue("2") int maxRetries,
            @DefaultValue("100ms") Duration delay,
            @DefaultValue("2") double multiplier,
            @DefaultValue("400ms") Duration maxDelay) {
    }

    /**
     * The circuit breaker (Resilience4j, count-based window). Only unavailability counts as a failure
     * (I/O errors, timeouts, 5xx, 429); a 404 or a 409 is product-service answering.
     *
     * @param failureRateThreshold the share of failed calls, in percent, that opens the breaker
     * @param slidingWindowSize how many recent calls the failure rate is taken over
     * @param minimumCalls how many calls the window needs before the rate counts
     * @param openFor how long an open breaker refuses calls before it lets a few through again; also
     *     the {@code Retry-After} sent meanwhile
     * @param halfOpenCalls how many trial calls a half-open breaker lets through
     */
    public record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("10s") Duration openFor,
            @DefaultValue("2") int halfOpenCalls) {
    }
}
