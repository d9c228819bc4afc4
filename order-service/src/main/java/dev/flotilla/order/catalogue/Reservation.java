package dev.flotilla.order.catalogue;

import java.time.Instant;

/**
 * Stock held at product-service for an order.
 *
 * @param reservationId our own id, as sent
 * @param expiresAt when product-service gives the units back unless the reservation is confirmed
 */
public record Reservation(String reservationId, Instant expiresAt) {
}
