package dev.flotilla.reference.build;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules that a single row's constraints cannot express, checked before the build commits. References
 * need no check here: foreign keys are enforced as each row is inserted, and since a parent must
 * exist before its child, the category tree cannot hold a cycle either.
 */
final class IntegrityChecks {

    private static final String CURRENCIES_WITHOUT_RATE = """
            SELECT DISTINCT currency_code FROM country
             WHERE currency_code IS NOT NULL
               AND currency_code NOT IN (SELECT currency_code FROM exchange_rate)
             ORDER BY currency_code
            """;

    private IntegrityChecks() {
    }

    static void verify(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (String code : rows(connection, CURRENCIES_WITHOUT_RATE)) {
            problems.add("currency used by a country has no exchange rate: " + code);
        }
        if (!problems.isEmpty()) {
            throw new SQLException("reference data is inconsistent:\n  " + String.join("\n  ", problems));
        }
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join(", ", values));
            }
        }
        return rows;
    }
}
