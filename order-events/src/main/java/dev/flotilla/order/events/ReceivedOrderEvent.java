package dev.flotilla.order.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An order event as a consumer reads it from the stream: the CloudEvent attributes it needs and the
 * event itself.
 *
 * @param id the CloudEvent {@code id}: the same for every delivery of one event, so deduplicate by it
 * @param source the CloudEvent {@code source}, e.g. {@code /flotilla/order-service}
 * @param type the CloudEvent {@code type}, {@link OrderPlaced#TYPE} or {@link OrderCancelled#TYPE}
 * @param time when it happened (the CloudEvent {@code time}, equal to the event's {@code occurredAt})
 * @param traceparent the W3C {@code traceparent} of the span that produced the event, if any
 * @param tracestate the W3C {@code tracestate} that went with it, if any
 * @param event the {@code data}
 */
public record ReceivedOrderEvent(UUID id, String source, String type, Instant time, @Nullable String traceparent,
        @Nullable String tracestate, OrderEvent event) {
}
