package dev.flotilla.order.catalogue;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * product-service refused a reservation call for the reservation's state (confirming one that was
 * released or has expired, releasing one that is confirmed, reusing an id for other lines). A 409
 * carrying product-service's explanation.
 */
public class ReservationConflictException extends ProblemException {

    public ReservationConflictException(String reservationId, String why) {
        super(HttpStatus.CONFLICT, "reservation " + reservationId + " was refused by product-service: " + why);
    }
}
