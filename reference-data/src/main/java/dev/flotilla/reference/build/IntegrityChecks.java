package dev.flotilla.reference.build;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules that a single row's constraints cannot express, checked before the build commits: every
 * reference resolves, the category tree has no cycle, and every currency a country uses has a rate.
 */
final class IntegrityChecks {

    private static final String FOREIGN_KEYS = "PRAGMA foreign_key_check";

    /** Categories whose parent chain never reaches a root (a cycle). */
    private static final String CATEGORY_CYCLES = """
            WITH RECURSIVE reachable(slug) AS (
                SELECT slug FROM category WHERE parent_slug IS NULL
                UNION
                SELECT c.slug FROM category c JOIN reachable r ON c.parent_slug = r.slug
            )
            SELECT slug FROM category WHERE slug NOT IN (SELECT slug FROM reachable) ORDER BY slug
            """;

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
        for (String row : rows(connection, FOREIGN_KEYS)) {
            problems.add("broken reference (table, rowid, parent table, constraint): " + row);
        }
        for (String slug : rows(connection, CATEGORY_CYCLES)) {
            problems.add("category in a cycle: " + slug);
        }
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
