package dev.flotilla.image.sqlite;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pod-local SQLite file, under {@code flotilla.image.database}.
 *
 * @param path the database file; its directory is created. In a container: a volume (an
 *     {@code emptyDir} or a PersistentVolumeClaim), never the image's read-only file system
 * @param busyTimeout how long a connection waits for another process's write lock (a backup, an
 *     operator's {@code sqlite3} shell) before failing with SQLITE_BUSY
 * @param connectionTimeout how long a caller waits for the one connection of the pool
 */
@ConfigurationProperties("flotilla.image.database")
public record SqliteProperties(
        @DefaultValue("data/image-service/images.db") Path path,
        @DefaultValue("5s") Duration busyTimeout,
        @DefaultValue("5s") Duration connectionTimeout) {
}
