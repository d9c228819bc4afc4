package dev.flotilla.order.order;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One product of an order, as it was priced at checkout: the name, category and prices are copies,
 * so the order reads the same whatever the catalogue does later.
 */
@Embeddable
public record OrderLine(
        @Column(name = "line_number") int lineNumber,
        @Column(name = "product_id") String productId,
        String sku,
        String name,
        String category,
        int quantity,
        @Column(name = "unit_price") BigDecimal unitPrice,
        @Column(name = "unit_price_eur") BigDecimal unitPriceEur) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
