package dev.flotilla.user.account;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> replicas = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(REPLICAS)) {
            for (int replica = 0; replica < REPLICAS; replica++) {
                Callable<Integer> migrate = () -> {
                    Flyway flyway = Flyway.configure()
                            .dataSource(new DriverManagerDataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password()))
                            .locations("classpath:db/migration").javaMigrations(new EmailSkeletonBackfill()).load();
                    start.await();
                    return flyway.migrate().migrationsExecuted;
                };
                replicas.add(threads.submit(migrate));
            }
            start.countDown();
        }
        int executed = 0;
        for (Future<Integer> replica : replicas) {
            executed += replica.get();
        }

        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password()));
        List<String> versions = jdbc.queryForList(
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success ORDER BY installed_rank", String.class);
        assertThat(versions).containsExactly("1", "2", "3", "3.1");
        assertThat(executed).as("migrations executed by all replicas together").isEqualTo(versions.size());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Integer.class)).isZero();
    }
}
