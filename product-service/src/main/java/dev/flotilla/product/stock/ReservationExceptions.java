package dev.flotilla.product.stock;

import java.time.Duration;
import java.util.List;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Why a reservation request is refused. */
public final class ReservationExceptions {

    private ReservationExceptions() {
    }

    /** No reservation has this id. */
    public static class ReservationNotFoundException extends ProblemException {
        public ReservationNotFoundException(String id) {
            super(HttpStatus.NOT_FOUND, "no reservation " + id);
        }
    }

    /** Some lines could not be held; nothing is held. */
    public static class InsufficientStockException extends ProblemException {

        private final transient List<Reservation.Shortage> shortages;

        InsufficientStockException(String id, List<Reservation.Shortage> shortages) {
            super(HttpStatus.CONFLICT, "reservation " + id + " failed: " + shortages.size() + " line(s) cannot be served; nothing is held");
            this.shortages = List.copyOf(shortages);
            property("shortages", this.shortages);
        }

        public List<?> shortages() {
            return shortages;
        }
    }

    /** The request does not fit the reservation's state, or reuses its id for other lines. */
    public static class ReservationConflictException extends ProblemException {
        public ReservationConflictException(String message) {
            super(HttpStatus.CONFLICT, message);
        }
    }

    /** Another request is working on this reservation right now; retry shortly. */
    public static class ReservationBusyException extends ProblemException {
        public ReservationBusyException(String id) {
            super(HttpStatus.CONFLICT, "reservation " + id + " is being processed; retry shortly");
            retryAfter(Duration.ofSeconds(1));
        }
    }
}
