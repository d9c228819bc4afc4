package dev.flotilla.order.order;

import java.time.Instant;
import java.util.List;

import dev.flotilla.order.events.OrderCancelled;
import dev.flotilla.order.events.OrderEventLine;
import dev.flotilla.order.events.OrderPlaced;
import dev.flotilla.order.events.OrderTotals;

/** Turns an order into the events of the order-events contract. */
public final class OrderEvents {

    private OrderEvents() {
    }

    public static OrderPlaced placed(Order order, Instant now) {
        return new OrderPlaced(order.id(), order.userId(), order.shippingAddress().country(), order.currency(),
                lines(order), totals(order), totalsEur(order), now);
    }

    public static OrderCancelled cancelled(Order order, Instant now) {
        return new OrderCancelled(order.id(), order.userId(), order.shippingAddress().country(), order.currency(),
                lines(order), totals(order), totalsEur(order), now, order.cancelReason());
    }

    private static List<OrderEventLine> lines(Order order) {
        return order.lines().stream().map(line -> new OrderEventLine(line.productId(), line.category(), line.quantity(),
                line.unitPrice(), line.unitPriceEur())).toList();
    }

    private static OrderTotals totals(Order order) {
        return new OrderTotals(order.subtotal(), order.tax(), order.total());
    }

    private static OrderTotals totalsEur(Order order) {
        return new OrderTotals(order.subtotalEur(), order.taxEur(), order.totalEur());
    }
}
