package dev.flotilla.product.stock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.flotilla.product.ProductServiceProperties;
import dev.flotilla.product.catalogue.ProductIds;
import dev.flotilla.product.stock.Reservation.Line;
import dev.flotilla.product.stock.Reservation.Shortage;
import dev.flotilla.product.stock.Reservation.Status;
import dev.flotilla.product.stock.ReservationExceptions.InsufficientStockException;
import dev.flotilla.product.stock.ReservationExceptions.ReservationBusyException;
import dev.flotilla.product.stock.ReservationExceptions.ReservationConflictException;
import dev.flotilla.product.stock.ReservationExceptions.ReservationNotFoundException;
import dev.flotilla.web.problem.InvalidFieldsException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * All-or-nothing stock reservations without multi-document transactions. The reservation document is
 * written first (PENDING), then each line is held on its product by a conditional update; if a line
 * is short, the lines already held are given back and the reservation ends FAILED. Every step is
 * repeatable, so a retry with the same reservation id returns the first outcome, and a request that
 * dies half-way is finished by {@link ReservationSweeper}. See the service README for the failure cases.
 */
@Service
class StockReservations {

    private final Reservations reservations;
    private final ProductStock stock;
    private final Duration ttl;
    private final Clock clock;

    StockReservations(Reservations reservations, ProductStock stock, ProductServiceProperties properties, Clock clock) {
        this.reservations = reservations;
        this.stock = stock;
        this.ttl = properties.reservationTtl();
        this.clock = clock;
    }

    /** The outcome of a reserve call: the reservation, and whether this call created it. */
    record Outcome(ReservationView reservation, boolean created) {
    }

    Outcome reserve(ReservationRequest request) {
        List<Line> lines = lines(request);
        Instant now = clock.instant();
        Reservation pending = new Reservation(request.reservationId(), lines, Status.PENDING, null, List.of(),
                now.plus(ttl), now, now);
        try {
            reservations.insert(pending);
        } catch (DuplicateKeyException e) {
            return new Outcome(repeat(request.reservationId(), lines), false);
        }
        return new Outcome(ReservationView.of(holdAll(pending)), true);
    }

    ReservationView confirm(String id) {
        Reservation reservation = find(id);
        return switch (reservation.status()) {
            case CONFIRMED -> ReservationView.of(reservation);
            case CONFIRMING -> ReservationView.of(finishConfirming(reservation));
            case RESERVED -> reservations.startConfirming(id, clock.instant()).map(this::finishConfirming)
                    .map(ReservationView::of).orElseGet(() -> {
                        // Expired or taken by a concurrent request: decide again on the new state.
                        expireIfDue(find(id));
                        return confirm(id);
                    });
            case PENDING -> throw new ReservationBusyException(id);
            case RELEASING, RELEASED, FAILED -> throw new ReservationConflictException("reservation " + id + " is "
                    + reservation.status() + (reservation.reason() == null ? "" : " (" + reservation.reason() + ")")
                    + " and cannot be confirmed");
        };
    }

    ReservationView release(String id) {
        Reservation reservation = find(id);
        return switch (reservation.status()) {
            case RELEASED, FAILED -> ReservationView.of(reservation);
            case RELEASING -> ReservationView.of(finishReleasing(reservation));
            case RESERVED -> reservations.transition(id, Status.RESERVED, Status.RELEASING, "released", List.of(), clock.instant())
                    .map(this::finishReleasing).map(ReservationView::of).orElseGet(() -> release(id));
            case PENDING -> throw new ReservationBusyException(id);
            case CONFIRMING, CONFIRMED -> throw new ReservationConflictException("reservation " + id
                    + " is confirmed; its stock is sold");
        };
    }

    ReservationView get(String id) {
        return ReservationView.of(find(id));
    }

    /** Finishes a confirmation: each held line leaves the stock (repeatable), then CONFIRMED. */
    Reservation finishConfirming(Reservation reservation) {
        reservation.lines().forEach(line -> stock.consume(reservation.id(), line));
        return reservations.transition(reservation.id(), Status.CONFIRMING, Status.CONFIRMED, null, List.of(), clock.instant())
                .orElseGet(() -> find(reservation.id()));
    }

    /** Finishes a release: each held line goes back to the available stock (repeatable), then RELEASED. */
    Reservation finishReleasing(Reservation reservation) {
        reservation.lines().forEach(line -> stock.release(reservation.id(), line));
        return reservations.transition(reservation.id(), Status.RELEASING, Status.RELEASED, null, List.of(), clock.instant())
                .orElseGet(() -> find(reservation.id()));
    }

    /** Gives back whatever a reservation that ended FAILED still holds (repeatable). */
    void releaseAll(Reservation reservation) {
        reservation.lines().forEach(line -> stock.release(reservation.id(), line));
    }

    private Reservation holdAll(Reservation pending) {
        for (Line line : pending.lines()) {
            Optional<Shortage> shortage = stock.hold(pending.id(), line);
            if (shortage.isPresent()) {
                // Fail first, then give back: the same order as the sweeper, so nothing stays held.
                Reservation failed = reservations.transition(pending.id(), Status.PENDING, Status.FAILED,
                        "insufficient stock", List.of(shortage.get()), clock.instant()).orElseGet(() -> find(pending.id()));
                releaseAll(failed);
                throw new InsufficientStockException(pending.id(), failed.shortages().isEmpty()
                        ? List.of(shortage.get()) : failed.shortages());
            }
        }
        return reservations.transition(pending.id(), Status.PENDING, Status.RESERVED, null, List.of(), clock.instant())
                .orElseGet(() -> {
                    // The sweeper failed this request meanwhile: make sure nothing it held stays held.
                    releaseAll(pending);
                    throw new ReservationConflictException("reservation " + pending.id() + " took too long and was abandoned");
                });
    }

    /** A retry: the same lines get the first outcome; other lines under the same id are a conflict. */
    private ReservationView repeat(String id, List<Line> lines) {
        Reservation existing = find(id);
        if (!existing.sameLinesAs(lines)) {
            throw new ReservationConflictException("reservation id " + id + " is already used for other lines");
        }
        return switch (existing.status()) {
            case PENDING -> throw new ReservationBusyException(id);
            case FAILED -> throw existing.shortages().isEmpty()
                    ? new ReservationConflictException("reservation " + id + " failed (" + existing.reason()
                            + "); nothing is held; retry with a new reservation id")
                    : new InsufficientStockException(id, existing.shortages());
            default -> ReservationView.of(existing);
        };
    }

    private void expireIfDue(Reservation reservation) {
        if (reservation.status() == Status.RESERVED && !reservation.expiresAt().isAfter(clock.instant())) {
            reservations.transition(reservation.id(), Status.RESERVED, Status.RELEASING, "expired", List.of(), clock.instant())
                    .ifPresent(this::finishReleasing);
        }
    }

    private Reservation find(String id) {
        return reservations.findById(id).orElseThrow(() -> new ReservationNotFoundException(id));
    }

    /**
     * Lines in product order, each product once: ids are made canonical first, so two spellings of one
     * product are a duplicate too (rejected rather than merged: a client sending one product twice has
     * a bug worth seeing, and merged lines would not be the lines a retry compares against).
     */
    private static List<Line> lines(ReservationRequest request) {
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ReservationRequest.LineRequest line = request.lines().get(i);
            String productId = ProductIds.canonical(line.productId());
            Integer first = indexes.putIfAbsent(productId, i);
            if (first != null) {
                throw new InvalidFieldsException("lines[" + i + "].productId", "is product " + productId
                        + " again (as in lines[" + first + "]; ids are not case-sensitive); send one line per product");
            }
            lines.add(new Line(productId, line.quantity()));
        }
        lines.sort(Comparator.comparing(Line::productId));
        return List.copyOf(lines);
    }
}
