package dev.flotilla.order.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Stock held for an order at product-service ({@code /api/stock/reservations}), with order-service's own
 * access token. Every operation is repeatable, so each is retried like a read when product-service was
 * unavailable; when it stays so, {@link ProductServiceUnavailableException} (503).
 */
@Component
public class StockReservations {

    private static final String RESERVATION_ID = "[A-Za-z0-9_-]{1,64}";
    private static final int MAX_LINES = 50;
    private static final int MAX_QUANTITY = 1000;
    private static final Set<String> HOLDING = Set.of("RESERVED", "CONFIRMING", "CONFIRMED");

    private final ProductServiceClient client;

    StockReservations(ProductServiceClient client) {
        this.client = client;
    }

    /**
     * Holds every line or none. A repeat with the same id and lines gets the first outcome.
     *
     * @param reservationId ours, 1 to 64 letters, digits, {@code -} or {@code _}; case-sensitive
     * @throws InsufficientStockException 409 with the shortages; nothing is held
     * @throws ReservationConflictException 409 when the id was used for other lines or has ended
     * @throws IllegalArgumentException for an id or lines product-service would refuse as malformed
     */
    public Reservation reserve(String reservationId, List<ReservationLine> lines) {
        check(reservationId, lines);
        List<ReservationLine> canonical = lines.stream()
                .map(line -> new ReservationLine(ProductIds.canonical(line.productId()), line.quantity())).toList();
        ReservationJson reservation = client.call("reserving stock for " + reservationId, rest -> {
            try {
                return rest.post().uri("/api/stock/reservations").attributes(ServiceIdentity.token())
                        .contentType(MediaType.APPLICATION_JSON).body(new ReserveJson(reservationId, canonical))
                        .retrieve().body(ReservationJson.class);
            } catch (HttpClientErrorException.Conflict e) {
                throw refused(reservationId, e);
            }
        });
        if (reservation == null || !HOLDING.contains(reservation.status())) {
            throw new ReservationConflictException(reservationId, "it is "
                    + (reservation == null ? "unknown" : reservation.status()));
        }
        return new Reservation(reservation.reservationId(), reservation.expiresAt());
    }

    /**
     * Sells the held units. Repeatable.
     *
     * @throws ReservationConflictException 409 when it was released, failed, expired or is unknown
     */
    public void confirm(String reservationId) {
        checkId(reservationId);
        client.call("confirming reservation " + reservationId, rest -> {
            try {
                return rest.post().uri("/api/stock/reservations/{id}/confirm", reservationId)
                        .attributes(ServiceIdentity.token()).retrieve().toBodilessEntity();
            } catch (HttpClientErrorException.Conflict e) {
                throw refused(reservationId, e);
            } catch (HttpClientErrorException.NotFound e) {
                throw new ReservationConflictException(reservationId, "product-service does not know it");
            }
        });
    }

    /**
     * Gives the held units back. Repeatable; a reservation product-service does not know (never made,
     * or long gone) is fine.
     *
     * @throws ReservationConflictException 409 when it is confirmed (its stock is sold)
     */
    public void release(String reservationId) {
        checkId(reservationId);
        client.call("releasing reservation " + reservationId, rest -> {
            try {
                return rest.delete().uri("/api/stock/reservations/{id}", reservationId)
                        .attributes(ServiceIdentity.token()).retrieve().toBodilessEntity();
            } catch (HttpClientErrorException.NotFound e) {
                return null;
            } catch (HttpClientErrorException.Conflict e) {
                throw refused(reservationId, e);
            }
        });
    }

    /** A 409: short lines, a reservation being worked on right now (retry later), or another conflict. */
    private static RuntimeException refused(String reservationId, HttpClientErrorException.Conflict e) {
        ProblemJson problem = problem(e);
        if (problem != null && problem.shortages() != null && !problem.shortages().isEmpty()) {
            return new InsufficientStockException(reservationId, problem.shortages());
        }
        if (e.getResponseHeaders() != null && e.getResponseHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
            return new ProductServiceUnavailableException("reservation " + reservationId + " is being processed",
                    Duration.ofSeconds(1), e);
        }
        return new ReservationConflictException(reservationId,
                problem == null || problem.detail() == null ? "409" : problem.detail());
    }

    private static @Nullable ProblemJson problem(HttpClientErrorException e) {
        try {
            return e.getResponseBodyAs(ProblemJson.class);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static void check(String reservationId, List<ReservationLine> lines) {
        checkId(reservationId);
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("a reservation has 1 to " + MAX_LINES + " lines");
        }
        Set<String> products = new HashSet<>();
        for (ReservationLine line : lines) {
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY
                    || !products.add(ProductIds.canonical(line.productId()))) {
                throw new IllegalArgumentException("not a valid reservation line (or a product twice): " + line);
            }
        }
    }

    private static void checkId(String reservationId) {
        if (reservationId == null || !reservationId.matches(RESERVATION_ID)) {
            throw new IllegalArgumentException("a reservation id is 1 to 64 letters, digits, - or _: " + reservationId);
        }
    }

    record ReserveJson(String reservationId, List<ReservationLine> lines) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReservationJson(String reservationId, String status, Instant expiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProblemJson(@Nullable String detail, @Nullable List<InsufficientStockException.Shortage> shortages) {
    }
}
