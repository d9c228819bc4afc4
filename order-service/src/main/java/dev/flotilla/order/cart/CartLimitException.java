package dev.flotilla.order.cart;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A change would take the cart over one of its limits; nothing was changed. A 422 whose problem body
 * names the {@code limit} ({@code quantity-per-line}, {@code lines-per-cart} or {@code units-per-cart})
 * and its {@code maximum}.
 */
public class CartLimitException extends ProblemException {

    public CartLimitException(String limit, long maximum) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "the cart would exceed its limit " + limit + " of " + maximum
                + "; nothing was changed");
        property("limit", limit);
        property("maximum", maximum);
    }
}
