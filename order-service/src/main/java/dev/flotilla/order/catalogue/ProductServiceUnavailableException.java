package dev.flotilla.order.catalogue;

import java.time.Duration;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * product-service could not be used: down, slow, failing, its circuit breaker open, or refusing our
 * credentials. A 503 with {@code Retry-After}; nothing was changed by order-service.
 */
public class ProductServiceUnavailableException extends ProblemException {

    public ProductServiceUnavailableException(String why, Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "the product catalogue is unavailable (" + why + "); try again shortly",
                cause);
        retryAfter(retryAfter);
    }
}
