package dev.flotilla.image.job;

import java.time.Instant;

/**
 * What a job means, supplied by the feature that queues jobs. Each method that ends or returns a
 * job changes the job through {@link JobQueue} and the feature's own records in one transaction.
 */
public interface JobHandler {

    /** Does the work and completes the job; any exception means this attempt failed. */
    void process(ClaimedJob job) throws Exception;

    /** No further attempt: the job is given up with a reason. */
    void failed(ClaimedJob job, String reason);

    /** Another attempt at {@code next}. */
    void retrying(ClaimedJob job, String error, Instant next);

    /** The worker stopped before finishing; the job goes back to the queue as it was. */
    void released(ClaimedJob job);
}
