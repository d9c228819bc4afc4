package dev.flotilla.user.account;

import java.util.List;

import dev.flotilla.testing.Concurrently;
import dev.flotilla.testing.PostgresEngine;
import dev.flotilla.testing.SharedEngines;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several replicas starting at once on an empty database (a rolling deployment, a scale-up): each
 * runs Flyway, and every migration is applied exactly once. Flyway serialises them with a
 * PostgreSQL advisory lock; this holds it to that on a real PostgreSQL.
 */
class ConcurrentMigrationTests {

    private static final int REPLICAS = 4;

    @Test
    void replicasStartingTogetherApplyEachMigrationOnce() throws Exception {
        PostgresEngine postgres = SharedEngines.postgres();
        String database = postgres.createDatabase("concurrent_migrations_" + System.nanoTime());
        List<Integer> executedByReplica = Concurrently.runTogether(REPLICAS, () -> {
            Flyway flyway = Flyway.configure()
                    .dataSource(new DriverManagerDataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password()))
                    .locations("classpath:db/migration").javaMigrations(new EmailSkeletonBackfill()).load();
            return () -> flyway.migrate().migrationsExecuted;
        });
        int executed = executedByReplica.stream().mapToInt(Integer::intValue).sum();

        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password()));
        List<String> versions = jdbc.queryForList(
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success ORDER BY installed_rank", String.class);
        assertThat(versions).containsExactly("1", "2", "3", "3.1");
        assertThat(executed).as("migrations executed by all replicas together").isEqualTo(versions.size());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Integer.class)).isZero();
    }
}
