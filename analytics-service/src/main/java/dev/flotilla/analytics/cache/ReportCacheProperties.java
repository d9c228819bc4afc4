package dev.flotilla.analytics.cache;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pod-local cache of computed reports, under {@code flotilla.analytics.cache}.
 *
 * @param enabled whether computed reports are kept
 * @param path the SQLite file; its directory is created. In a container: a volume (an {@code emptyDir}
 *     is enough: the cache is rebuilt on demand), never the image's read-only file system
 * @param maxEntries reports kept; beyond it the least recently read go first
 */
@ConfigurationProperties("flotilla.analytics.cache")
public record ReportCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("data/analytics-service/report-cache.db") Path path,
        @DefaultValue("10000") int maxEntries) {
}
