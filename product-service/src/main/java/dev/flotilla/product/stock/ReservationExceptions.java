package dev.flotilla.product.stock;

import java.util.List;

/** Why a reservation request is refused. */
public final class ReservationExceptions {

    private ReservationExceptions() {
    }

    /** No reservation has this id. */
    public static class ReservationNotFoundException extends RuntimeException {
        public ReservationNotFoundException(String id) {
            super("no reservation " + id);
        }
    }

    /** Some lines could not be held; nothing is held. */
    public static class InsufficientStockException extends RuntimeException {

        private final transient List<Reservation.Shortage> shortages;

        InsufficientStockException(String id, List<Reservation.Shortage> shortages) {
            super("reservation " + id + " failed: " + shortages.size() + " line(s) cannot be served; nothing is held");
            this.shortages = List.copyOf(shortages);
        }

        public List<?> shortages() {
            return shortages;
        }
    }

    /** The request does not fit the reservation's state, or reuses its id for other lines. */
    public static class ReservationConflictException extends RuntimeException {
        public ReservationConflictException(String message) {
            super(message);
        }
    }

    /** Another request is working on this reservation right now; retry shortly. */
    public static class ReservationBusyException extends RuntimeException {
        public ReservationBusyException(String id) {
            super("reservation " + id + " is being processed; retry shortly");
        }
    }
}
