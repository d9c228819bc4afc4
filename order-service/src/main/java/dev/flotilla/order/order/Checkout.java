package dev.flotilla.order.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.flotilla.order.pricing.Pricing;
import org.jspecify.annotations.Nullable;

/**
 * Everything a checkout decided before the order is stored: who, where to, which lines at which
 * prices, and the reservation that holds the stock.
 */
public record Checkout(UUID orderId, UUID userId, String reservationId, ShippingAddress shippingAddress,
        String currency, List<OrderLine> lines, Pricing.Totals totals, Pricing.Totals totalsEur, BigDecimal taxRate,
        BigDecimal unitsPerEur, @Nullable LocalDate ratesAsOf) {

    public Checkout {
        lines = List.copyOf(lines);
    }
}
