package dev.flotilla.reference.build;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import dev.flotilla.reference.build.ReferenceDatabaseBuilder.SourceTable;

/**
 * Inserts the rows of a CSV file into the table of the same column names. Values go in as text and
 * the STRICT tables convert or reject them; an empty field is NULL. A rejected row stops the build
 * with the file, the row number and the reason.
 */
final class CsvTableLoader {

    private final Connection connection;

    CsvTableLoader(Connection connection) {
        this.connection = connection;
    }

    long load(SourceTable table, CsvFile csv) throws SQLException {
        checkHeader(table, csv);
        String sql = "INSERT INTO %s (%s) VALUES (%s)".formatted(table.name(), String.join(", ", csv.header()),
                String.join(", ", Collections.nCopies(csv.header().size(), "?")));
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int row = 0; row < csv.rows().size(); row++) {
                insertRow(insert, csv, row);
            }
        }
        return csv.rows().size();
    }

    private static void insertRow(PreparedStatement insert, CsvFile csv, int row) throws SQLException {
        List<String> values = csv.rows().get(row);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value.isEmpty()) {
                insert.setNull(i + 1, Types.NULL);
            } else {
                insert.setString(i + 1, value);
            }
        }
        try {
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new SQLException("%s data row %d %s rejected: %s".formatted(csv.path().getFileName(), row + 1,
                    values, e.getMessage()), e);
        }
    }

    /** The CSV header must name columns of the table, and every required column. */
    private void checkHeader(SourceTable table, CsvFile csv) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> required = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet info = statement.executeQuery("PRAGMA table_info(" + table.name() + ")")) {
            while (info.next()) {
                columns.add(info.getString("name"));
                if (info.getBoolean("notnull") && info.getString("dflt_value") == null) {
                    required.add(info.getString("name"));
                }
            }
        }
        Set<String> header = Set.copyOf(csv.header());
        if (header.size() != csv.header().size() || !columns.containsAll(header) || !header.containsAll(required)) {
            throw new SQLException("%s: header %s does not fit table %s with columns %s (required %s)"
                    .formatted(csv.path().getFileName(), csv.header(), table.name(), columns, required));
        }
    }
}
