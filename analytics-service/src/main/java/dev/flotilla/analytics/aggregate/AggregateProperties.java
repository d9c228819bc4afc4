package dev.flotilla.analytics.aggregate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The aggregates, under {@code flotilla.analytics.aggregates}.
 *
 * @param lease how long a consumer holds the events it is applying; after it, another may take them over.
 *     A batch that took more than half of it between its claim and its writes is abandoned and
 *     redelivered. Keep it at or below the consumer's {@code claim-after}, so that a redelivered
 *     message usually finds the lease over
 * @param sweepEvery how often the consumer looks for markers a dead consumer left behind
 * @param sweepBatch buckets with markers one sweep looks at, per collection
 * @param backfillPage stream entries a backfill reads and applies at once
 * @param backfillStaleAfter a backfill whose heartbeat is older than this is presumed dead and may be replaced
 */
@ConfigurationProperties("flotilla.analytics.aggregates")
public record AggregateProperties(
        @DefaultValue("30s") Duration lease,
        @DefaultValue("1m") Duration sweepEvery,
        @DefaultValue("1000") int sweepBatch,
        @DefaultValue("500") int backfillPage,
        @DefaultValue("2m") Duration backfillStaleAfter) {
}
