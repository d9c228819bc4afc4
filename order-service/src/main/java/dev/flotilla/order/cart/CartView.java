package dev.flotilla.order.cart;

import java.time.Instant;
import java.util.List;

import dev.flotilla.order.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * A cart as the API shows it. Amounts are strings ({@code "19.99"}) so no client reads them as binary
 * floats. The totals are in the requested currency, at the current prices where product-service gave
 * them (the prices a checkout would charge), else at the prices when added; lines whose product is no
 * longer on sale count for nothing.
 *
 * @param pricesCurrent false when product-service could not be asked for the current prices
 * @param taxRate the shipping country's rate in percent; 0 without a country
 */
record CartView(String currency, @Nullable String country, List<Line> lines, int units, String subtotal, String tax,
        String total, String taxRate, boolean pricesCurrent) {

    /**
     * One line.
     *
     * @param unitPrice the price when added (or last repriced), in the product's currency
     * @param currentPrice product-service's price now; null if unknown (product-service unavailable or
     *     the product no longer on sale)
     * @param priceChanged whether the current price differs from {@code unitPrice}
     * @param available false when the product is no longer on sale
     * @param lineTotal in the cart's currency; null for a line not available
     */
    record Line(String productId, String sku, String name, String category, int quantity, Price unitPrice,
            Instant addedAt, @Nullable Price currentPrice, boolean priceChanged, boolean available,
            @Nullable String lineTotal) {
    }

    /** An exact price. */
    record Price(String amount, String currency) {

        static Price of(Money money) {
            return new Price(money.amount().toPlainString(), money.currency());
        }
    }

    /** {@code POST} and {@code PUT} answer the changed line. */
    record ChangedLine(String productId, int quantity) {
    }
}
