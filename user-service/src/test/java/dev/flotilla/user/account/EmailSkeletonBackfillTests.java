package dev.flotilla.user.account;

import java.util.List;
import java.util.Map;

import dev.flotilla.testing.PostgresEngine;
import dev.flotilla.testing.SharedEngines;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Migration 3.1 on accounts registered before V3, on a real PostgreSQL. */
class EmailSkeletonBackfillTests {

    DriverManagerDataSource dataSource;
    JdbcTemplate jdbc;

    @BeforeEach
    void migrateToV3() {
        PostgresEngine postgres = SharedEngines.postgres();
        String database = postgres.createDatabase("backfill_" + System.nanoTime());
        dataSource = new DriverManagerDataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password());
        jdbc = new JdbcTemplate(dataSource);
        flyway().target("3").load().migrate();
    }

    @Test
    void fillsSkeletonsOldestFirstAndLeavesLookalikesAndInvisibleCharactersAlone() {
        insert("anna@example.com", 1);
        insert("\u0430nna@example.com", 2);
        insert("bob@example.com\u200b", 3);
        insert("jose\u0301@example.com", 4);
        insert("zoe\u0308@example.com", 5);
        insert("zo\u00eb@example.com", 6);

        flyway().javaMigrations(new EmailSkeletonBackfill()).load().migrate();

        assertThat(skeletons()).containsExactly(
                Map.entry("anna@example.com", EmailAddresses.skeleton("anna@example.com")),
                Map.entry("\u0430nna@example.com", "-"),
                Map.entry("bob@example.com\u200b", "-"),
                Map.entry("jos\u00e9@example.com", EmailAddresses.skeleton("jos\u00e9@example.com")),
                Map.entry("zoe\u0308@example.com", "-"),
                Map.entry("zo\u00eb@example.com", EmailAddresses.skeleton("zo\u00eb@example.com")));
        assertThat(jdbc.queryForObject("SELECT max(version) FROM flyway_schema_history", String.class)).isEqualTo("3.1");
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    }

    private void insert(String email, int minute) {
        jdbc.update("""
                INSERT INTO account (id, email, password_hash, display_name, country_code, preferred_currency, status,
                                     settings, created_at, updated_at, version)
                VALUES (gen_random_uuid(), ?, 'x', 'x', 'DE', 'EUR', 'ACTIVE', '{}',
                        timestamptz '2025-01-01 00:00Z' + make_interval(mins => ?), now(), 0)
                """, email, minute);
    }

    private List<Map.Entry<String, String>> skeletons() {
        return jdbc.query("SELECT email, coalesce(email_skeleton, '-') AS skeleton FROM account ORDER BY created_at",
                (row, n) -> Map.entry(row.getString("email"), row.getString("skeleton")));
    }
}
