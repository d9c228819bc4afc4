package dev.flotilla.analytics.aggregate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The aggregates, under {@code flotilla.analytics.aggregates}.
 *
 * @param pruneAfter how long a bucket keeps the ids of the events it has taken once they are recorded as
 *     processed; a batch that took longer than half of this between its dedupe check and its bucket
 *     updates is abandoned and redelivered, so that a pruned marker can never let an event in twice
 * @param pruneEvery how often the consumer prunes
 * @param pruneBatch processed events whose markers one pruning round removes
 * @param backfillPage stream entries a backfill reads and applies at once
 * @param backfillStaleAfter a backfill whose heartbeat is older than this is presumed dead and may be replaced
 */
@ConfigurationProperties("flotilla.analytics.aggregates")
public record AggregateProperties(
        @DefaultValue("1h") Duration pruneAfter,
        @DefaultValue("1m") Duration pruneEvery,
        @DefaultValue("1000") int pruneBatch,
        @DefaultValue("500") int backfillPage,
        @DefaultValue("2m") Duration backfillStaleAfter) {
}
