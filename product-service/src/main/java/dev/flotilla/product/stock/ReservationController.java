package dev.flotilla.product.stock;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
 * Stock reservations for order-service (its client-credentials token: role SERVICE, audience product-service). A first reserve answers 201, a retry
 * with the same id and lines 200 with the same reservation; a short line answers 409 and holds nothing.
 * Reservation ids are opaque and case-sensitive; product ids follow
 * {@link dev.flotilla.product.catalogue.ProductIds}.
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
    @Operation(summary = "Reserve stock for an order", description = "All lines or none. reservationId is the caller's "
            + "own (letters, digits, - and _, case-sensitive, kept exactly as sent); a retry with the same id and lines "
            + "gets the first outcome. Product ids are 24 hexadecimal digits in either case; two lines for one product "
            + "are a 400. A line that cannot be served is a 409 listing the shortages; then nothing is held. The units "
            + "are held until confirmed, released, or the reservation expires.")
    @ApiResponse(responseCode = "201", description = "Reserved; Location names the reservation")
    @ApiResponse(responseCode = "200", description = "A retry of a reservation made before: its current state")
    ResponseEntity<ReservationView> reserve(@Valid @RequestBody ReservationRequest request) {
        StockReservations.Outcome outcome = reservations.reserve(request);
        ReservationView view = outcome.reservation();
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/stock/reservations/" + view.reservationId())).body(view)
                : ResponseEntity.status(HttpStatus.OK).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a reservation", description = "Status, lines, expiry and, for a failed one, the shortages.")
    ReservationView get(@PathVariable @Pattern(regexp = ID) String id) {
        return reservations.get(id);
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Confirm a reservation", description = "The held units leave the stock for good. Repeatable; "
            + "a 409 once the reservation was released, failed or expired.")
    ReservationView confirm(@PathVariable @Pattern(regexp = ID) String id) {
        return reservations.confirm(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Release a reservation", description = "The held units go back to the available stock. "
            + "Repeatable; a 409 once the reservation is confirmed.")
    @ApiResponse(responseCode = "204", description = "Released (or released before)")
    ResponseEntity<Void> release(@PathVariable @Pattern(regexp = ID) String id) {
        reservations.release(id);
        return ResponseEntity.noContent().build();
    }
}
