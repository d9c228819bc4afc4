package dev.flotilla.order.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The totals of an order in one currency, each rounded to the currency's minor units:
 * {@code total = subtotal + tax}.
 *
 * @param subtotal the sum of the lines, net of tax
 * @param tax the consumption tax of the shipping country
 * @param total what the customer pays
 */
public record OrderTotals(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal subtotal,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal tax,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total) {
}
