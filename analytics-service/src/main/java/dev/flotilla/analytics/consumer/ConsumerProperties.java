package dev.flotilla.analytics.consumer;

import java.time.Duration;

import dev.flotilla.order.events.OrderEventStream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The order-events consumer, under {@code flotilla.analytics.consumer}.
 *
 * @param enabled whether the consumer runs in this instance
 * @param streamKey the stream order-service publishes to
 * @param group the consumer group: every instance of this service shares it, so each event goes to one
 * @param name this consumer's name in the group; default: the host name and a random suffix
 * @param batchSize messages read at once
 * @param block how long one read waits for new messages; below {@code spring.data.redis.timeout}, which
 *     a blocking read is subject to as well
 * @param claimAfter how long a message may stay unacknowledged with its consumer before another
 *     consumer takes it over (its consumer is presumed dead)
 * @param maxDeliveries deliveries of one message before it goes to the dead-letter stream
 * @param deadLetterKey where messages that cannot be applied go, with the reason
 */
@ConfigurationProperties("flotilla.analytics.consumer")
public record ConsumerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(OrderEventStream.DEFAULT_KEY) String streamKey,
        @DefaultValue("analytics-service") String group,
        @Nullable String name,
        @DefaultValue("100") int batchSize,
        @DefaultValue("250ms") Duration block,
        @DefaultValue("30s") Duration claimAfter,
        @DefaultValue("5") int maxDeliveries,
        @DefaultValue(OrderEventStream.DEFAULT_KEY + ":dead-letter") String deadLetterKey) {
}
