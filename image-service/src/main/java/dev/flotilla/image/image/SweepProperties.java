package dev.flotilla.image.image;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The orphan sweep, under {@code flotilla.image.sweep}.
 *
 * @param interval how often the bucket is swept
 * @param orphanAge how old an object without record or manifest must be before it is deleted: far
 *     above the time from an upload to its commit, and above the time a job may wait in another
 *     instance's queue (whose records this instance cannot see)
 */
@ConfigurationProperties("flotilla.image.sweep")
public record SweepProperties(
        @DefaultValue("10m") Duration interval,
        @DefaultValue("24h") Duration orphanAge) {
}
