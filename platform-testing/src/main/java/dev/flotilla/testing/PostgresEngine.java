package dev.flotilla.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A running PostgreSQL server that hands out a fresh database to each test that asks. */
public final class PostgresEngine {

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String adminDatabase;

    PostgresEngine(String host, int port, String username, String password, String adminDatabase) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.adminDatabase = adminDatabase;
    }

    /** Creates an empty database; the name must be a lower-case SQL identifier that is not taken. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain lower-case database name: " + name);
        }
        try (Connection admin = DriverManager.getConnection(jdbcUrl(adminDatabase), username, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create PostgreSQL database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates an empty database owned by a login of its own, as a deployment gives each service: the
     * login may do anything inside its database (its migrations create the schema) and nothing else,
     * not even connect to another database created this way; it is no superuser, creates no database
     * and no role.
     *
     * @param login a lower-case SQL identifier, created here
     * @param password letters, digits, {@code -} and {@code _} only
     */
    public String createDatabase(String name, String login, String password) {
        if (!login.matches("[a-z_][a-z0-9_]{0,62}") || !password.matches("[A-Za-z0-9_-]{8,128}")) {
            throw new IllegalArgumentException("not a plain login name, or a password outside [A-Za-z0-9_-]{8,128}: " + login);
        }
        createDatabase(name);
        try (Connection admin = DriverManager.getConnection(jdbcUrl(adminDatabase), username, this.password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + login + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
            statement.execute("ALTER DATABASE " + name + " OWNER TO " + login);
            statement.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot give PostgreSQL database " + name + " to " + login + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }
}
