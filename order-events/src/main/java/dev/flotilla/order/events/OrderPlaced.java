package dev.flotilla.order.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order was placed: its payment is authorised and its stock reserved. Emitted once per order, in
 * the transaction that stores the order.
 */
public record OrderPlaced(UUID orderId, UUID userId, String country, String currency, List<OrderEventLine> lines,
        OrderTotals totals, OrderTotals totalsEur, Instant occurredAt) implements OrderEvent {

    public static final String TYPE = "dev.flotilla.order.placed.v1";

    public OrderPlaced {
        lines = List.copyOf(lines);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
