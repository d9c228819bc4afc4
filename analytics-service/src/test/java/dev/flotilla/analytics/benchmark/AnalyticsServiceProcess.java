package dev.flotilla.analytics.benchmark;

import static org.awaitility.Awaitility.await;

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

/**
 * analytics-service from its packaged jar in a JVM of its own, configured by environment variables as in
 * a container, its output appended to a log file. {@link #launch} only starts it, so that several
 * instances can start side by side; {@link #awaitReady} waits for readiness. The figures it gives (CPU
 * time, resident memory) are those of that JVM alone.
 */
final class AnalyticsServiceProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port = freePort();
    private final Path log;
    private final Process process;

    private AnalyticsServiceProcess(String name, Path jar, List<String> jvmFlags, Map<String, String> environment, Path log)
            throws IOException {
        this.name = name;
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
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-kill"));
    }

    /**
     * Starts the jar without waiting for it.
     *
     * @throws IllegalStateException when the jar is missing, with the command that builds it
     */
    static AnalyticsServiceProcess launch(String name, Path jar, List<String> jvmFlags, Map<String, String> environment,
            Path log) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged jar at " + jar + ": build it first, e.g. "
                    + "./mvnw -DskipTests install (-Pbenchmark runs after the package phase of analytics-service)");
        }
        return new AnalyticsServiceProcess(name, jar, jvmFlags, environment, log);
    }

    /**
     * Waits until {@code /actuator/health/readiness} answers 200.
     *
     * @throws IllegalStateException when the service exits or is not ready within two minutes, with where its log is
     */
    AnalyticsServiceProcess awaitReady() {
        HttpRequest readiness = HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
        try {
            await(name + " ready").atMost(STARTUP).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .failFast(name + " exited during startup; see " + log, () -> !process.isAlive())
                    .until(() -> HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not become ready on port " + port + "; see " + log, e);
        }
        return this;
    }

    String name() {
        return name;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
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
        return Machine.memoryKilobytes(pid(), field);
    }

    /** The sum of a Prometheus counter's samples whose labels contain {@code label}, e.g. {@code result="hit"}. */
    double counter(String metric, String label) throws IOException, InterruptedException {
        HttpRequest scrape = HttpRequest.newBuilder(uri("/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build();
        double sum = 0;
        for (String line : HTTP.send(scrape, HttpResponse.BodyHandlers.ofString()).body().split("\n")) {
            if (line.startsWith(metric + "{") && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Lines of the service's log that contain {@code text}. */
    long logLines(String text) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited; see " + log);
        }
    }

    /** Asks for a graceful shutdown (SIGTERM), then kills the JVM if it has not ended in time. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
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
