package dev.flotilla.user.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The Flyway schema and the repository on a real PostgreSQL. */
@DataJpaTest
@RealEngines(Engine.POSTGRESQL)
class AccountsTests {

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesAnAccountWithItsRolesAndSettingsAsJsonb() {
        Account saved = accounts.save(account("stored@example.com"));
        accounts.flush();

        Account found = accounts.findByEmail("stored@example.com").orElseThrow();
        assertThat(found.id()).isEqualTo(saved.id());
        assertThat(found.roles()).containsExactly(Role.CUSTOMER);
        assertThat(jdbc.queryForObject("SELECT jsonb_typeof(settings) FROM account WHERE id = ?", String.class, saved.id()))
                .isEqualTo("object");
    }

    @Test
    void theDatabaseRefusesASecondAccountWithTheSameEmail() {
        accounts.save(account("twice@example.com"));
        accounts.flush();
        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> {
            accounts.save(account("twice@example.com"));
            accounts.flush();
        });
    }

    @Test
    void theDatabaseRefusesAnUpperCaseEmailWrittenPastTheApplication() {
        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> jdbc.update("""
                INSERT INTO account (id, email, password_hash, display_name, country_code, preferred_currency, status,
                                     settings, created_at, updated_at, version)
                VALUES (gen_random_uuid(), 'Upper@Example.com', 'x', 'x', 'DE', 'EUR', 'ACTIVE', '{}', now(), now(), 0)
                """));
    }

    private static Account account(String email) {
        return new Account(UUID.randomUUID(), email, "$2a$04$hash", new Account.Profile("Name", "DE", null, "EUR"),
                Set.of(Role.CUSTOMER), "{\"language\":\"en\"}", Instant.now());
    }
}
