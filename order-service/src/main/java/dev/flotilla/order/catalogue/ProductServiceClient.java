package dev.flotilla.order.catalogue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Every call to product-service goes through here: within the call budget ({@link Deadline}), retried
 * with backoff when product-service was unreachable, slow, failing (5xx) or busy (429), behind the
 * circuit breaker {@value #BREAKER_ID}. Any other 4xx is product-service's answer: the operation
 * turns the ones it expects into its own exceptions, and is never retried for one.
 */
final class ProductServiceClient {

    static final String BREAKER_ID = "product-service";
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final RestClient rest;
    private final RetryTemplate retry;
    private final CircuitBreaker breaker;
    private final Duration budget;
    private final Duration openFor;

    ProductServiceClient(RestClient rest, CircuitBreaker breaker, ProductServiceProperties properties) {
        this.rest = rest;
        this.breaker = breaker;
        this.budget = properties.callBudget();
        this.openFor = properties.breaker().openFor();
        this.retry = new RetryTemplate(retryPolicy(properties));
    }

    /** Runs one operation; {@code what} names it in logs and problems. */
    <T> T call(String what, Function<RestClient, T> operation) {
        return breaker.run(() -> Deadline.within(budget, () -> retried(what, operation)), this::fallback);
    }

    /**
     * The breaker's settings: only unavailability is a failure. Its calls run on threads of their own
     * that carry the caller's context (the trace, so {@code traceparent} is sent), and its time limiter
     * ends a call that outlived the budget by a connect timeout, should the deadline ever be missed.
     */
    static void configureBreaker(Resilience4JCircuitBreakerFactory factory, ProductServiceProperties properties) {
        ProductServiceProperties.Breaker breaker = properties.breaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize()).minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold()).waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                .recordException(failure -> failure instanceof TransientFailure || failure instanceof TimeoutException)
                .build();
        TimeLimiterConfig limit = TimeLimiterConfig.custom()
                .timeoutDuration(properties.callBudget().plus(properties.connectTimeout())).build();
        factory.configure(builder -> builder.circuitBreakerConfig(config).timeLimiterConfig(limit), BREAKER_ID);
        factory.configureGroupExecutorService(group -> BREAKER_ID.equals(group) ? CallThreads.withCallersContext()
                : Executors.newCachedThreadPool());
    }

    private static RetryPolicy retryPolicy(ProductServiceProperties properties) {
        ProductServiceProperties.Retry retry = properties.retry();
        return RetryPolicy.builder().maxRetries(retry.maxRetries()).delay(retry.delay()).multiplier(retry.multiplier())
                .maxDelay(retry.maxDelay()).timeout(properties.callBudget())
                .predicate(TransientFailure.class::isInstance).build();
    }

    private <T> T retried(String what, Function<RestClient, T> operation) {
        try {
            return retry.execute(new Retryable<>() {
                @Override
                public T execute() {
                    return attempt(what, operation);
                }

                @Override
                public String getName() {
                    return what;
                }
            });
        } catch (RetryException e) {
            throw e.getLastException() instanceof RuntimeException last ? last : new TransientFailure(what, e);
        }
    }

    private <T> T attempt(String what, Function<RestClient, T> operation) {
        try {
            return operation.apply(rest);
        } catch (ResourceAccessException e) {
            throw new TransientFailure(what + ": no answer in time", e);
        } catch (HttpServerErrorException | HttpClientErrorException.TooManyRequests e) {
            throw new TransientFailure(what + ": answered " + e.getStatusCode().value(), e);
        } catch (HttpClientErrorException e) {
            throw new ProductServiceUnavailableException(what + " was refused with " + e.getStatusCode().value(),
                    RETRY_AFTER_FAILURE, e);
        } catch (OAuth2AuthorizationException e) {
            if (transientCause(e)) {
                throw new TransientFailure(what + ": no access token from user-service in time", e);
            }
            throw new ProductServiceUnavailableException(what + ": user-service refused an access token ("
                    + e.getError().getErrorCode() + ")", RETRY_AFTER_FAILURE, e);
        } catch (RestClientException e) {
            if (transientCause(e)) {
                // The answer began and then broke off or stalled (product-service died or was starved while
                // sending it): as good as no answer, and as safe to retry.
                throw new TransientFailure(what + ": the answer broke off", e);
            }
            throw new ProductServiceUnavailableException(what + ": an answer that cannot be read", RETRY_AFTER_FAILURE, e);
        }
    }

    private <T> T fallback(Throwable thrown) {
        Throwable failure = thrown instanceof ExecutionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (failure instanceof TimeoutException) {
            throw new ProductServiceUnavailableException("no answer within " + budget.toMillis() + " ms",
                    RETRY_AFTER_FAILURE, failure);
        }
        if (failure instanceof CallNotPermittedException) {
            throw new ProductServiceUnavailableException("the circuit breaker is open after repeated failures", openFor,
                    failure);
        }
        if (failure instanceof TransientFailure transientFailure) {
            throw new ProductServiceUnavailableException(transientFailure.getMessage(), RETRY_AFTER_FAILURE,
                    transientFailure.getCause());
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }

    /** Whether user-service was unreachable, slow, failing or busy when asked for a token. */
    private static boolean transientCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof ResourceAccessException
                    || cause instanceof HttpServerErrorException || cause instanceof HttpClientErrorException.TooManyRequests) {
                return true;
            }
        }
        return false;
    }

    /** product-service could not be used this time; worth retrying, and counted by the breaker. */
    static final class TransientFailure extends RuntimeException {
        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
