package dev.flotilla.order.catalogue;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * No product with this id is on sale: product-service does not know it, or it is a draft or archived
 * (which product-service does not show to the public). Answered to order-service's client with
 * <strong>422</strong>: the request is well-formed but names a product that cannot be bought. (A
 * malformed product id is a 400, checked before anything is called.)
 */
public class UnknownProductException extends ProblemException {

    public UnknownProductException(String productId) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "product " + productId + " is not on sale: unknown, or no longer active");
        property("productId", productId);
    }
}
