package dev.flotilla.user.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.flotilla.web.problem.InvalidFieldsException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 3.1: normalises the emails and fills {@code email_skeleton} of the accounts that
 * existed before V3, oldest first, in the migration's transaction. It is Java because PostgreSQL has
 * no confusables data. An account whose normalised email or skeleton an older account already has
 * keeps its email as it is and no skeleton, and is named in a warning: such pairs were registered
 * before the checks existed and need an administrator's look (one is usually an imitation). An email
 * with invisible or control characters is left as it is too: nobody can log in with it any more.
 * Spring Boot hands every {@link JavaMigration} bean to Flyway.
 */
@Component
class EmailSkeletonBackfill implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(EmailSkeletonBackfill.class);

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3.1");
    }

    @Override
    public String getDescription() {
        return "email skeleton backfill";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Row> rows = rows(connection);
        Set<String> stored = new HashSet<>(rows.stream().map(Row::email).toList());
        Set<String> emails = new HashSet<>();
        Set<String> skeletons = new HashSet<>();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE account SET email = ?, email_skeleton = ? WHERE id = ?")) {
            for (Row row : rows) {
                String email = normalised(row.email());
                boolean renamedOntoAnother = email != null && !email.equals(row.email()) && stored.contains(email);
                if (email == null || renamedOntoAnother || !emails.add(email) || !skeletons.add(EmailAddresses.skeleton(email))) {
                    log.warn("Account {} ({}) keeps its email and gets no skeleton: it is not a valid address, or an "
                            + "older account has the same or a lookalike one", row.id(), row.email());
                    continue;
                }
                update.setString(1, email);
                update.setString(2, EmailAddresses.skeleton(email));
                update.setObject(3, row.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private record Row(UUID id, String email) {
    }

    private static List<Row> rows(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet result = select.executeQuery("SELECT id, email FROM account ORDER BY created_at, id")) {
            while (result.next()) {
                rows.add(new Row(result.getObject("id", UUID.class), result.getString("email")));
            }
        }
        return rows;
    }

    private static @Nullable String normalised(String email) {
        try {
            return EmailAddresses.normalise(email);
        } catch (InvalidFieldsException e) {
            return null;
        }
    }
}
