package dev.flotilla.order.outbox;

import java.time.Duration;

import dev.flotilla.order.events.OrderEventCodec;
import dev.flotilla.order.events.OrderEventStream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The transactional outbox and its relay to the order-events stream, under
 * {@code flotilla.order.outbox}; each key can be set by an environment variable, e.g.
 * {@code FLOTILLA_ORDER_OUTBOX_POLL_INTERVAL=500ms}.
 *
 * @param streamKey the Redis stream the relay appends the CloudEvents to
 * @param source the CloudEvent {@code source} of the events
 * @param pollInterval how long the relay waits between two looks at the table for unpublished rows
 * @param batchSize how many rows one relay transaction claims, publishes and marks at most
 * @param initialBackoff how long the relay pauses after a failed publish (Redis or the database down)
 * @param maxBackoff the longest pause; the pause doubles with each failure in a row up to this
 * @param streamRetention how long an entry stays on the stream: appends trim approximately
 *     ({@code MINID ~}), the cleanup exactly; a consumer down for longer misses events
 * @param tableRetention how long a published row stays in the table before the cleanup deletes it
 * @param cleanupInterval how often published rows past their retention are deleted and the stream trimmed
 * @param relayEnabled whether this replica relays at all (appending works either way)
 */
@ConfigurationProperties("flotilla.order.outbox")
public record OutboxProperties(
        @DefaultValue(OrderEventStream.DEFAULT_KEY) String streamKey,
        @DefaultValue(OrderEventCodec.DEFAULT_SOURCE) String source,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("7d") Duration streamRetention,
        @DefaultValue("7d") Duration tableRetention,
        @DefaultValue("1m") Duration cleanupInterval,
        @DefaultValue("true") boolean relayEnabled) {

    public OutboxProperties {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("flotilla.order.outbox.batch-size must be between 1 and 1000");
        }
    }
}
