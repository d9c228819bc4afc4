package dev.flotilla.reference;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A fixed set of read-only SQLite connections to one file, each used by one thread at a time.
 * Writes fail at the SQLite level: the file is opened read-only and {@code query_only} is on.
 */
final class ReadOnlyConnections implements AutoCloseable {

    private static final long BORROW_TIMEOUT_SECONDS = 30;

    private final Path file;
    private final List<Connection> all;
    private final BlockingQueue<Connection> idle;
    private volatile boolean closed;

    ReadOnlyConnections(Path file, int size) {
        this.file = file;
        this.all = new ArrayList<>(size);
        this.idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                Connection connection = open(file);
                all.add(connection);
                idle.add(connection);
            }
        } catch (SQLException e) {
            close();
            throw new IllegalArgumentException("cannot open reference data file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens one read-only connection; package-visible so tests can prove that writes are refused. */
    static Connection open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        // Each connection is confined to one thread at a time, so SQLite's own mutex is not needed.
        config.setOpenMode(SQLiteOpenMode.NOMUTEX);
        // Not DriverManager: it only sees drivers of the class loader that first used it.
        Connection connection = config.createConnection("jdbc:sqlite:" + file);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = ON");
        }
        return connection;
    }

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        Connection connection = borrow();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reference data query failed on " + file + ": " + e.getMessage(), e);
        } finally {
            if (!closed) {
                idle.add(connection);
            }
        }
    }

    <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... parameters) {
        return list(sql, mapper, parameters).stream().findFirst();
    }

    private Connection borrow() {
        if (closed) {
            throw new IllegalStateException("the reference data of " + file + " is closed");
        }
        try {
            Connection connection = idle.poll(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (connection == null) {
                throw new IllegalStateException("no reference data connection free after " + BORROW_TIMEOUT_SECONDS + " s");
            }
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a reference data connection", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing a read-only connection cannot lose data; the remaining ones still get closed.
            }
        }
        idle.clear();
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
