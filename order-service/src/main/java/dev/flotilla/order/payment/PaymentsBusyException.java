package dev.flotilla.order.payment;

import java.time.Duration;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Too many authorisations are waiting on the processor: a 503, try again shortly. */
public class PaymentsBusyException extends ProblemException {

    PaymentsBusyException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "the payment processor is busy; nothing was charged, try again shortly");
        retryAfter(Duration.ofSeconds(1));
    }
}
