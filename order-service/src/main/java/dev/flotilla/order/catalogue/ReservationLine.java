package dev.flotilla.order.catalogue;

/**
 * Units of one product to hold; each product at most once in a reservation.
 *
 * @param productId 24 hexadecimal digits
 * @param quantity 1 to 1000, product-service's bound
 */
public record ReservationLine(String productId, int quantity) {
}
