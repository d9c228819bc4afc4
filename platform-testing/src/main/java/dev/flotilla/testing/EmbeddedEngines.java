package dev.flotilla.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * Starts the embedded engines: the PostgreSQL 17 server binary (zonky), the Redis server binary
 * (embedded-redis), the in-process Mongo wire-protocol server (mongo-java-server) and S3Proxy
 * over a directory. Binaries and
 * data live in this JVM's {@link EngineDirectory}.
 */
final class EmbeddedEngines implements EngineStarter {

    private static final String LOCALHOST = "127.0.0.1";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final Path directory;

    EmbeddedEngines(Path directory) {
        this.directory = directory;
    }

    @Override
    public Started<PostgresEngine> postgres() throws IOException {
        // zonky also creates its working directory (default /tmp/embedded-pg) and sweeps it; keep it in ours.
        System.setProperty("ot.epg.working-dir", directory.resolve("postgres").toString());
        Set<Path> scriptsBefore = distributionScripts();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(directory.resolve("postgres").toFile())
                .setDataDirectory(directory.resolve("postgres-data"))
                // The engine directory is deleted as a whole; zonky deleting the data directory from its
                // own shutdown hook at the same time would only race with that.
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                // TCP only: the binary's default socket directory is /tmp, where a killed server would leave files.
                .setServerConfig("unix_socket_directories", "")
                .start();
        deleteNewDistributionScripts(scriptsBefore);
        Optional<ProcessHandle> postmaster = EngineDirectory.pid(directory.resolve(EngineDirectory.POSTGRES_PID_FILE))
                .flatMap(ProcessHandle::of);
        PostgresEngine engine = new PostgresEngine(LOCALHOST, postgres.getPort(), "postgres", "", "postgres");
        return new Started<>(engine, () -> {
            postgres.close();
            // zonky's own shutdown hook may be the one stopping the server: wait for the process either way.
            postmaster.ifPresent(EngineDirectory::stop);
        });
    }

    @Override
    public Started<RedisEngine> redis() throws IOException {
        Path redisDirectory = Files.createDirectories(directory.resolve("redis"));
        Path executable = ExecutableProvider.newJarResourceProvider(redisDirectory.toFile()).get().toPath();
        int port = freePort();
        RedisServer redis = new RedisServer(port, List.of(executable.toString(),
                "--port", Integer.toString(port),
                "--bind", LOCALHOST,
                "--databases", Integer.toString(RedisEngine.DATABASES),
                "--dir", redisDirectory.toString(),
                "--pidfile", directory.resolve(EngineDirectory.REDIS_PID_FILE).toString(),
                "--save", "",
                "--appendonly", "no"), false, EmbeddedEngines::discard, EmbeddedEngines::discard);
        redis.start();
        return new Started<>(new RedisEngine(LOCALHOST, port), redis::stop);
    }

    @Override
    public Started<MongoEngine> mongo() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        return new Started<>(new MongoEngine(LOCALHOST, address.getPort(), ""), mongo::shutdownNow);
    }

    @Override
    public Started<S3Engine> s3() throws Exception {
        S3ProxyServer server = S3ProxyServer.start(directory.resolve("s3"), LOCALHOST, 0, "test-access-key",
                "test-secret-key");
        return new Started<>(server.engine(), server::close);
    }

    /**
     * zonky copies a Linux-detection script into the temporary directory and deletes it only at JVM
     * exit, so a killed test JVM would leave it behind. It is not needed once the server runs.
     */
    private static void deleteNewDistributionScripts(Set<Path> before) {
        for (Path script : distributionScripts()) {
            if (!before.contains(script)) {
                EngineDirectory.delete(script);
            }
        }
    }

    private static Set<Path> distributionScripts() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("detect_linux_distribution_"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** Reads the server's output, so that a full pipe can never block it. */
    private static void discard(String line) {
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
