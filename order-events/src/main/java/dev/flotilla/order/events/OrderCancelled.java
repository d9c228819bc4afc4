package dev.flotilla.order.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A placed order was cancelled and its payment refunded. Only orders announced by {@link OrderPlaced}
 * are announced as cancelled, so a consumer that subtracts cancellations never subtracts a sale it
 * did not count. The lines and totals are those of the cancelled order.
 */
public record OrderCancelled(UUID orderId, UUID userId, String country, String currency, List<OrderEventLine> lines,
        OrderTotals totals, OrderTotals totalsEur, Instant occurredAt, String reason) implements OrderEvent {

    public static final String TYPE = "dev.flotilla.order.cancelled.v1";

    public OrderCancelled {
        lines = List.copyOf(lines);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
