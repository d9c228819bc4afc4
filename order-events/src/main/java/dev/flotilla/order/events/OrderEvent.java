package dev.flotilla.order.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What order-service tells the rest of the platform about an order: the {@code data} of a CloudEvent
 * on the order-events stream. Both kinds carry the whole order, so that a consumer needs no call back
 * to order-service.
 */
public sealed interface OrderEvent permits OrderPlaced, OrderCancelled {

    UUID orderId();

    UUID userId();

    /** ISO 3166-1 alpha-2 code of the shipping country. */
    String country();

    /** ISO 4217 code of the currency the customer pays in. */
    String currency();

    List<OrderEventLine> lines();

    /** The totals in {@link #currency()}. */
    OrderTotals totals();

    /** The same totals in euros, for reports across currencies. */
    OrderTotals totalsEur();

    Instant occurredAt();

    /** The CloudEvents {@code type} of this kind of event. */
    String type();
}
