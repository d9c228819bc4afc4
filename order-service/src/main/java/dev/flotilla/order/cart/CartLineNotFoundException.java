package dev.flotilla.order.cart;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The cart has no line for this product (add it with {@code POST /api/cart/lines} first). */
public class CartLineNotFoundException extends ProblemException {

    public CartLineNotFoundException(String productId) {
        super(HttpStatus.NOT_FOUND, "the cart has no line for product " + productId);
    }
}
