package dev.flotilla.analytics.cache;

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
 * The report cache's SQLite file, through plain JDBC: one table of serialised reports needs no entity
 * mapping, so there is no JPA here (image-service maps records and needs it). Flyway owns the schema.
 *
 * <ul>
 *   <li><b>WAL</b>, so that reads never wait for a write; {@code synchronous=NORMAL}: a power loss may
 *       lose the last cached reports, which are only recomputed.</li>
 *   <li><b>One connection</b>, as in image-service: SQLite lets one writer in at a time, and one pooled
 *       connection queues statements fairly instead of failing a transaction with SQLITE_BUSY. Each
 *       statement here is a primary-key read or write of well under a millisecond.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ReportCacheConfiguration {

    @Bean
    DataSource dataSource(ReportCacheProperties properties) throws IOException {
        Path file = properties.path().toAbsolutePath();
        Files.createDirectories(file.getParent());
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout(5_000);
        SQLiteDataSource sqliteDataSource = new SQLiteDataSource(sqlite);
        sqliteDataSource.setUrl("jdbc:sqlite:" + file);

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("report-cache");
        pool.setDataSource(sqliteDataSource);
        pool.setMaximumPoolSize(1);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(2_000);
        // The file is local: a connection never goes stale the way a network connection does.
        pool.setMaxLifetime(0);
        pool.setIdleTimeout(0);
        return new HikariDataSource(pool);
    }
}
