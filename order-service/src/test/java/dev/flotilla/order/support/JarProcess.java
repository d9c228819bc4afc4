package dev.flotilla.order.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import static org.awaitility.Awaitility.await;

/**
 * A service of this repository run from its packaged jar ({@code <module>/target/<module>-<version>.jar})
 * in a JVM of its own, configured by environment variables as in a container. The port is chosen once,
 * so a test can {@link #stop()} the service and {@link #start()} it again at the same address; every start
 * appends to one log file. A missing jar is an error that says how to build it, never a reason to skip.
 */
public final class JarProcess {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    /**
     * A process of {@code module}'s jar with these JVM flags and environment ({@code PORT} is added);
     * its output goes to {@code <logs>/<name>.log}. Nothing starts until {@link #start()}.
     */
    public JarProcess(String module, String name, List<String> jvmFlags, Map<String, String> environment, Path logs) {
        this.name = name;
        this.jar = jar(module);
        this.port = freePort();
        this.command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        this.command.addAll(jvmFlags);
        // sqlite-jdbc (reference.db) loads a native library.
        this.command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()));
        this.environment = new HashMap<>(environment);
        this.environment.put("PORT", Integer.toString(port));
        this.log = logs.resolve(name + ".log");
    }

    /** The packaged jar of a module of this repository; fails with the command that builds it if absent. */
    public static Path jar(String module) {
        Path target = repositoryRoot().resolve(module).resolve("target");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*.jar")) {
            for (Path candidate : jars) {
                if (!candidate.getFileName().toString().matches(".*-(plain|sources|javadoc|tests)\\.jar")) {
                    return candidate;
                }
            }
        } catch (IOException noTargetYet) {
            // Reported below.
        }
        throw new IllegalStateException("no packaged jar of " + module + " in " + target + ": build it first, e.g. "
                + "./mvnw -pl " + module + " -am package -DskipTests (./mvnw verify builds it before order-service)");
    }

    /** The checkout this code runs in: the nearest directory up from the working directory with a Maven wrapper. */
    public static Path repositoryRoot() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("mvnw")) && Files.isDirectory(directory.resolve("order-service"))) {
                return directory;
            }
        }
        throw new IllegalStateException("run from within the repository: no mvnw above " + Path.of("").toAbsolutePath());
    }

    /** Starts the JVM and waits until {@code /actuator/health/readiness} answers 200. */
    public void start() {
        if (alive()) {
            throw new IllegalStateException(name + " is running already");
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "%n=== %s: %s%n".formatted(Instant.now(), String.join(" ", command)),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, name + "-kill"));
        awaitReady(started);
    }

    /** Asks the service to shut down gracefully (SIGTERM), then kills it; nothing if it is not running. */
    public void stop() {
        if (!alive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The operating-system process id of the running JVM, e.g. for {@code jcmd}. */
    public long pid() {
        if (!alive()) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    /** CPU time used by the running JVM so far, all its threads. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public Path log() {
        return log;
    }

    public Path jar() {
        return jar;
    }

    private void awaitReady(Process started) {
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            await(name + " ready").atMost(STARTUP).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .failFast(name + " exited during startup; see " + log, () -> !started.isAlive())
                    .until(() -> HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            stop();
            throw new IllegalStateException(name + " did not become ready on port " + port + "; see " + log, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }
}
