package dev.flotilla.order.catalogue;

import dev.flotilla.order.pricing.Money;

/**
 * A product as order-service needs it from product-service: what to show and charge.
 *
 * @param id the product id, lower case
 * @param price the catalogue price, exact, in the product's currency
 * @param active whether it can be bought; {@link ProductCatalogue#product} returns active products only
 * @param availableStock units neither sold nor held when product-service answered (a hint: only a
 *     reservation holds stock)
 */
public record CatalogueProduct(String id, String sku, String name, String category, Money price, boolean active,
        long availableStock) {
}
