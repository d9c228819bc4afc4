package dev.flotilla.image.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import static org.awaitility.Awaitility.await;

/**
 * image-service from its packaged jar in a JVM of its own, configured by environment variables as in
 * a container, its output appended to a log file. It is started once and stopped once; the figures it
 * gives (CPU time, resident memory) are those of that JVM alone.
 */
final class ImageServiceProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final int port = freePort();
    private final Path log;
    private final Process process;

    private ImageServiceProcess(Path jar, List<String> jvmFlags, Map<String, String> environment, Path log)
            throws IOException {
        this.log = log;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString()));
        Files.createDirectories(log.getParent());
        Files.writeString(log, "%n=== %s: %s%n".formatted(Instant.now(), String.join(" ", command)),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        this.process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "image-service-kill"));
    }

    /**
     * Starts the jar and waits until {@code /actuator/health/readiness} answers 200.
     *
     * @throws IllegalStateException when the jar is missing (with the command that builds it), or the
     *     service exits or is not ready within two minutes (with where its log is)
     */
    static ImageServiceProcess start(Path jar, List<String> jvmFlags, Map<String, String> environment, Path log)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged jar at " + jar + ": build it first, e.g. "
                    + "./mvnw -DskipTests install (-Pbenchmark runs after the package phase of image-service)");
        }
        ImageServiceProcess service = new ImageServiceProcess(jar, jvmFlags, environment, log);
        service.awaitReady();
        return service;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time used by the JVM so far, all its threads. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** A field of {@code /proc/<pid>/status} in kilobytes ({@code VmRSS}: resident now, {@code VmHWM}: peak); -1 if unknown. */
    long memoryKilobytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException notLinux) {
            // Reported as unknown.
        }
        return -1;
    }

    /** The Prometheus scrape, which the service serves without a token. */
    String prometheus() {
        HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            return HTTP.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Asks for a graceful shutdown (SIGTERM), then kills the JVM if it has not ended in time. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitReady() throws IOException {
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            await("image-service ready").atMost(STARTUP).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .failFast("image-service exited during startup; see " + log, () -> !process.isAlive())
                    .until(() -> HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            process.destroyForcibly();
            throw new IllegalStateException("image-service did not become ready on port " + port + "; see " + log, e);
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
