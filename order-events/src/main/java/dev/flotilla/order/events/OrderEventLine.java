package dev.flotilla.order.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * One line of an order. Amounts are exact decimals written as JSON strings ({@code "19.99"}), so that
 * no consumer reads them as binary floats.
 *
 * @param productId product-service's id (24 hexadecimal digits, lower case)
 * @param category the product's category slug (reference data)
 * @param quantity units ordered, at least 1
 * @param unitPrice the price of one unit in the order currency, net of tax
 * @param unitPriceEur the same price in euros
 */
public record OrderEventLine(String productId, String category, int quantity,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPriceEur) {
}
