package dev.flotilla.product.stock;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock reservations for order-service (role SERVICE, or ADMIN). A first reserve answers 201, a retry
 * with the same id and lines 200 with the same reservation; a short line answers 409 and holds nothing.
 */
@RestController
@RequestMapping("/api/stock/reservations")
class ReservationController {

    private static final String ID = "[A-Za-z0-9_-]{1,64}";

    private final StockReservations reservations;

    ReservationController(StockReservations reservations) {
        this.reservations = reservations;
    }

    @PostMapping
    ResponseEntity<ReservationView> reserve(@Valid @RequestBody ReservationRequest request) {
        StockReservations.Outcome outcome = reservations.reserve(request);
        ReservationView view = outcome.reservation();
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/stock/reservations/" + view.reservationId())).body(view)
                : ResponseEntity.status(HttpStatus.OK).body(view);
    }

    @GetMapping("/{id}")
    ReservationView get(@PathVariable @Pattern(regexp = ID) String id) {
        return reservations.get(id);
    }

    @PostMapping("/{id}/confirm")
    ReservationView confirm(@PathVariable @Pattern(regexp = ID) String id) {
        return reservations.confirm(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> release(@PathVariable @Pattern(regexp = ID) String id) {
        reservations.release(id);
        return ResponseEntity.noContent().build();
    }
}
