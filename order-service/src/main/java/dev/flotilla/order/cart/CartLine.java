package dev.flotilla.order.cart;

import java.time.Instant;

import dev.flotilla.order.pricing.Money;

/**
 * A product in a cart, with the name and price product-service gave when it was added (or the ones
 * checkout found since, see {@link Carts#repriced}).
 *
 * @param productId 24 hexadecimal digits, lower case
 * @param unitPrice exact, in the product's own currency
 * @param addedAt when the product was first put in the cart
 */
public record CartLine(String productId, String sku, String name, String category, int quantity, Money unitPrice,
        Instant addedAt) {
}
