package dev.flotilla.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.flotilla.testing.S3ProxyServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * The engines of the local platform, each keeping its data under one directory so that a restart
 * keeps users, products, orders and images: the PostgreSQL 17 server binary over its data directory,
 * the Redis server binary with its append-only file, the Mongo wire server over a file store (H2's
 * MVStore), S3Proxy over a directory. They listen on fixed ports of the loopback interface only.
 * Unlike the tests' engines (platform-testing), nothing here is deleted when they stop.
 */
final class LocalEngines implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    /** Logical Redis databases: each service its own, analytics-service reading order-service's stream. */
    static final int REDIS_DATABASES = 16;
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final Ports ports;
    private final Secrets secrets;
    private final List<AutoCloseable> running = new ArrayList<>();

    private LocalEngines(Ports ports, Secrets secrets) {
        this.ports = ports;
        this.secrets = secrets;
    }

    /** Starts the four engines at once over {@code data}; if one fails, those started are stopped again. */
    static LocalEngines start(Path data, Ports ports, Secrets secrets) throws Exception {
        LocalEngines engines = new LocalEngines(ports, secrets);
        List<Callable<AutoCloseable>> starts = List.of(() -> postgres(data, ports.postgres()),
                () -> redis(data, ports.redis()), () -> mongo(data, ports.mongo()),
                () -> S3ProxyServer.start(data.resolve("s3"), HOST, ports.s3(), secrets.s3AccessKey(), secrets.s3SecretKey()));
        Exception failure = null;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<AutoCloseable> started : executor.invokeAll(starts)) {
                try {
                    engines.running.add(started.get());
                } catch (ExecutionException e) {
                    failure = failure == null ? (Exception) e.getCause() : failure;
                }
            }
        }
        if (failure != null) {
            engines.close();
            throw failure;
        }
        return engines;
    }

    private static AutoCloseable postgres(Path data, int port) throws IOException {
        // zonky unpacks the binaries into its working directory (default /tmp/embedded-pg): keep them with the data.
        Path binaries = Files.createDirectories(data.resolve("engines/postgres"));
        System.setProperty("ot.epg.working-dir", binaries.toString());
        // An existing data directory (it has a postgresql.conf) is started as it is; initdb runs only once.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("listen_addresses", HOST)
                // Durable (fsync on), but a commit does not wait for it: a crash of the machine may lose the
                // last moments, never corrupt the data. A developer's machine, not a server.
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("shared_buffers", "32MB")
                .setServerConfig("max_connections", "100")
                .setServerConfig("unix_socket_directories", "")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(data.resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(data.resolve("postgres.log").toFile()))
                .start();
        try {
            requirePasswordsOfServiceLogins(data.resolve("postgres/pg_hba.conf"), port);
        } catch (IOException | SQLException | RuntimeException e) {
            postgres.close();
            throw new IOException("PostgreSQL started, but its authentication could not be set: " + e.getMessage(), e);
        }
        return postgres;
    }

    /**
     * initdb trusts every local connection; from then on only the superuser (the launcher, on this
     * machine) connects without a password, and every service's login must give its own.
     */
    private static void requirePasswordsOfServiceLogins(Path hba, int port) throws IOException, SQLException {
        String rules = """
                # Written by the Flotilla local platform: the superuser (the launcher) connects from this
                # machine without a password, every service's login with its own.
                host all postgres %1$s/32 trust
                host all all %1$s/32 scram-sha-256
                """.formatted(HOST);
        if (Files.readString(hba).equals(rules)) {
            return;
        }
        Files.writeString(hba, rules);
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://%s:%d/postgres".formatted(HOST, port),
                "postgres", ""); Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    private static AutoCloseable redis(Path data, int port) throws IOException {
        Path directory = Files.createDirectories(data.resolve("redis"));
        Path executable = ExecutableProvider.newJarResourceProvider(
                Files.createDirectories(data.resolve("engines/redis")).toFile()).get().toPath();
        RedisServer redis = new RedisServer(port, List.of(executable.toString(),
                "--port", Integer.toString(port),
                "--bind", HOST,
                "--databases", Integer.toString(REDIS_DATABASES),
                "--dir", directory.toString(),
                "--save", "",
                "--appendonly", "yes",
                "--appendfsync", "everysec"), false, LocalEngines::discard, LocalEngines::discard);
        redis.start();
        return redis::stop;
    }

    private static AutoCloseable mongo(Path data, int port) throws IOException {
        Path file = Files.createDirectories(data.resolve("mongo")).resolve("collections.mv");
        MongoServer mongo = new MongoServer(new H2Backend(file.toString()));
        mongo.bind(HOST, port);
        // shutdown(), not shutdownNow(): the backend commits and closes its file.
        return mongo::shutdown;
    }

    /**
     * A database owned by a login of its own (never the superuser), created on the first start; the
     * login's password is set anew at every start, so it lives only in the environment of this run.
     */
    void ownDatabase(String name, String login, String password) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}") || !login.matches("[a-z][a-z0-9_]{0,62}")
                || !password.matches("[A-Za-z0-9_-]{16,128}")) {
            throw new IllegalArgumentException("not a plain database or login name, or a weak password: " + name + "/" + login);
        }
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement statement = admin.createStatement()) {
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", login)) {
                statement.execute("CREATE ROLE " + login + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
            }
            statement.execute("ALTER ROLE " + login + " PASSWORD '" + password + "'");
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + login);
                statement.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare PostgreSQL database " + name + " for " + login + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://%s:%d/%s".formatted(HOST, ports.postgres(), database);
    }

    String redisHost() {
        return HOST;
    }

    int redisPort() {
        return ports.redis();
    }

    String mongoUri(String database) {
        return "mongodb://%s:%d/%s".formatted(HOST, ports.mongo(), database);
    }

    URI s3Endpoint() {
        return URI.create("http://" + HOST + ":" + ports.s3());
    }

    String s3AccessKey() {
        return secrets.s3AccessKey();
    }

    String s3SecretKey() {
        return secrets.s3SecretKey();
    }

    /** Stops every engine, the last started first; the services must have stopped before. */
    @Override
    public void close() {
        for (AutoCloseable engine : running.reversed()) {
            try {
                engine.close();
            } catch (Exception e) {
                System.err.println("an engine did not stop cleanly: " + e);
            }
        }
        running.clear();
    }

    /** Reads the server's output, so that a full pipe can never block it. */
    private static void discard(String line) {
    }
}
