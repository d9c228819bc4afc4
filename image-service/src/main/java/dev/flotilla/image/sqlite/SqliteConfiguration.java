package dev.flotilla.image.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The writable, pod-local SQLite database: the job queue and the image records of this instance.
 *
 * <ul>
 *   <li><b>WAL journal.</b> Readers never block the writer and the writer never blocks readers; a
 *       commit appends to the log instead of rewriting pages. {@code synchronous=FULL}: a 202 promises
 *       that the job survives a crash, so every commit reaches the disk (NORMAL could lose the last
 *       commits on power loss).</li>
 *   <li><b>One connection.</b> SQLite lets one writer in at a time for the whole file. With several
 *       connections, concurrent transactions would meet inside SQLite, where a deferred transaction
 *       that read first and then writes fails with SQLITE_BUSY at once (a busy timeout cannot help
 *       an upgrade from a stale snapshot). One pooled connection queues them in Hikari instead, fair
 *       and bounded by {@code connection-timeout}. Every statement here takes well under a millisecond,
 *       so one connection serves thousands per second, far above what image decoding allows; no
 *       transaction may hold it across a call to object storage.</li>
 *   <li><b>Busy timeout</b> for other processes on the same file, and foreign keys enforced (SQLite's
 *       default is off).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SqliteConfiguration {

    @Bean
    DataSource dataSource(SqliteProperties properties) throws IOException {
        Path file = properties.path().toAbsolutePath();
        Files.createDirectories(file.getParent());
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setBusyTimeout((int) properties.busyTimeout().toMillis());
        sqlite.enforceForeignKeys(true);
        SQLiteDataSource sqliteDataSource = new SQLiteDataSource(sqlite);
        sqliteDataSource.setUrl("jdbc:sqlite:" + file);

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("sqlite");
        pool.setDataSource(sqliteDataSource);
        pool.setMaximumPoolSize(1);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(properties.connectionTimeout().toMillis());
        // The file is local: a connection never goes stale the way a network connection does.
        pool.setMaxLifetime(0);
        pool.setIdleTimeout(0);
        return new HikariDataSource(pool);
    }
}
