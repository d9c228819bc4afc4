package dev.flotilla.product.stock;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A reservation as the API shows it. */
record ReservationView(String reservationId, Reservation.Status status, List<Reservation.Line> lines, Instant expiresAt,
        @Nullable String reason, List<Reservation.Shortage> shortages) {

    static ReservationView of(Reservation reservation) {
        return new ReservationView(reservation.id(), reservation.status(), reservation.lines(), reservation.expiresAt(),
                reservation.reason(), reservation.shortages());
    }
}
