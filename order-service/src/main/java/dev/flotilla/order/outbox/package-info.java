/**
 * The transactional outbox of order-service and its relay to the order-events Redis stream.
 *
 * <p>A feature appends an {@link dev.flotilla.order.events.OrderEvent} with
 * {@link dev.flotilla.order.outbox.OrderEventsOutbox#append} inside the transaction that stores the
 * change; the row holds the complete CloudEvent JSON and the span's W3C trace context. The relay
 * claims unpublished rows with {@code FOR UPDATE SKIP LOCKED}, appends each to the stream
 * ({@code XADD ... MINID ~}) and marks it published in the same transaction: at least once, never
 * by two replicas at the same time. A cleanup deletes published rows and trims the stream after their
 * retention. Settings: {@link dev.flotilla.order.outbox.OutboxProperties} ({@code flotilla.order.outbox.*}).
 * Metrics: {@code flotilla.outbox.unpublished}, {@code flotilla.outbox.oldest.unpublished.age},
 * {@code flotilla.outbox.published}, {@code flotilla.outbox.publish.failures}.
 */
package dev.flotilla.order.outbox;
