package dev.flotilla.image.job;

import org.jspecify.annotations.Nullable;

/**
 * A job a worker holds the lease of.
 *
 * @param attempts this claim included
 * @param lastError why the previous attempt failed, or null
 */
public record ClaimedJob(long id, String imageId, int attempts, String leaseOwner, @Nullable String lastError) {
}
