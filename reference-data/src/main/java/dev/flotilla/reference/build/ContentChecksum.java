package dev.flotilla.reference.build;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

import dev.flotilla.reference.build.ReferenceDatabaseBuilder.SourceTable;

/**
 * SHA-256 over the data tables in a fixed order, rows ordered by primary key, each value with its
 * SQLite storage class. It identifies the content, whatever the file layout or migration timestamps.
 */
final class ContentChecksum {

    private static final byte VALUE_SEPARATOR = 0x1F;
    private static final byte ROW_SEPARATOR = 0x1E;

    private ContentChecksum() {
    }

    static String of(Connection connection, List<SourceTable> tables) throws SQLException {
        MessageDigest digest = sha256();
        for (SourceTable table : tables) {
            digest.update(("table " + table.name() + "\n").getBytes(StandardCharsets.UTF_8));
            digestRows(connection, table, digest);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void digestRows(Connection connection, SourceTable table, MessageDigest digest) throws SQLException {
        String sql = "SELECT * FROM " + table.name() + " ORDER BY " + table.primaryKey();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    Object value = rows.getObject(i);
                    String typed = value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
                    digest.update(typed.getBytes(StandardCharsets.UTF_8));
                    digest.update(VALUE_SEPARATOR);
                }
                digest.update(ROW_SEPARATOR);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
