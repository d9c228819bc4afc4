package dev.flotilla.image.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The workers and the queue, under {@code flotilla.image.jobs}.
 *
 * @param workers threads resizing images at once; each holds at most one decoded image (see the README
 *     for the memory per worker). Zero: this instance only accepts uploads
 * @param lease how long a claimed job stays its worker's; a job whose worker died is claimed again
 *     after it, so it must be well above the slowest job
 * @param maxAttempts claims of one job before it is FAILED (a lease that expired counts as one)
 * @param pollInterval how often an idle worker looks for due jobs (an upload wakes one at once)
 * @param retryBackoff the wait after a failed attempt, doubled per attempt up to {@code maxBackoff}
 * @param maxBackoff the longest wait between attempts
 * @param shutdownGrace how long a stopping instance lets running jobs finish before it gives their
 *     leases back; below {@code spring.lifecycle.timeout-per-shutdown-phase}
 */
@ConfigurationProperties("flotilla.image.jobs")
public record JobProperties(
        @DefaultValue("2") int workers,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2s") Duration retryBackoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("15s") Duration shutdownGrace) {

    /** The wait before attempt {@code attempts + 1}. */
    Duration backoff(int attempts) {
        Duration wait = retryBackoff.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
