package dev.flotilla.order.payment;

import java.time.Duration;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The processor failed without deciding (an error, not a decline): a 503, nothing is charged. */
public class PaymentProviderException extends ProblemException {

    PaymentProviderException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "the payment processor failed; nothing was charged, try again shortly", cause);
        retryAfter(Duration.ofSeconds(2));
    }
}
