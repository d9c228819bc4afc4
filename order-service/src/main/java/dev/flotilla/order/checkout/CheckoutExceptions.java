package dev.flotilla.order.checkout;

import java.time.Duration;
import java.util.List;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Why a checkout is refused before any order exists. */
final class CheckoutExceptions {

    private CheckoutExceptions() {
    }

    /** Nothing to order. */
    static class EmptyCartException extends ProblemException {
        EmptyCartException() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "the cart is empty; add products before checking out");
        }
    }

    /**
     * A price or name changed since the line was added. The cart now shows the current ones; the
     * customer confirms by checking out again (with a new Idempotency-Key, or the same one: nothing was stored).
     */
    static class PriceChangedException extends ProblemException {
        PriceChangedException(List<PriceChange> changes) {
            super(HttpStatus.CONFLICT, changes.size() + " line(s) of the cart changed price since they were added; "
                    + "the cart shows the current prices, nothing was charged");
            property("changes", changes);
        }
    }

    /** One changed line: the price in the cart and the price now. */
    record PriceChange(String productId, String was, String now, String currency) {
    }

    /** Another request with the same key is running. */
    static class CheckoutInProgressException extends ProblemException {
        CheckoutInProgressException() {
            super(HttpStatus.CONFLICT, "a checkout with this Idempotency-Key is in progress; retry shortly to get its result");
            retryAfter(Duration.ofSeconds(1));
        }
    }

    /** The key was used before for another request. */
    static class KeyReusedException extends ProblemException {
        KeyReusedException() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "this Idempotency-Key was used for a different request; "
                    + "use a new key for a new checkout");
        }
    }
}
