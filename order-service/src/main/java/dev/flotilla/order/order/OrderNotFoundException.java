package dev.flotilla.order.order;

import java.util.UUID;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No order with this id, or not one the caller may see (the two look the same). */
public class OrderNotFoundException extends ProblemException {

    public OrderNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "no order " + id);
    }
}
