package dev.flotilla.order.order;

import java.util.UUID;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** An order was asked for a change its state does not allow: a 409. */
public class IllegalTransitionException extends ProblemException {

    IllegalTransitionException(UUID orderId, OrderStatus status, String action) {
        super(HttpStatus.CONFLICT, "order " + orderId + " is " + status + " and cannot " + action);
        property("orderStatus", status.name());
    }
}
