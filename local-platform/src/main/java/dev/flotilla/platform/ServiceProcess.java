package dev.flotilla.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service of the platform as a process of its own: {@code java -jar <module>/target/<module>.jar}
 * with its configuration in environment variables and its output in a log file.
 */
final class ServiceProcess {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /**
     * Quick start and a small footprint on a laptop running every service: C1 only, serial GC, a heap
     * of at most 256 MB that starts small (by default it would start at 1/64 of the machine's memory,
     * on most machines the whole 256 MB, young generation touched in full at every cycle).
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m",
            "--enable-native-access=ALL-UNNAMED");

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private ProcessBuilder builder;
    private Process process;
    private long startedAt;
    private Duration readyAfter;
    private Path log;

    ServiceProcess(String name, int port, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.environment = Map.copyOf(environment);
    }

    /** This service with {@code extra} added to its environment (replacing what it names). */
    ServiceProcess withEnvironment(Map<String, String> extra) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(extra);
        return new ServiceProcess(name, port, merged);
    }

    /** Extracts the jar and records the AOT cache if needed, before any service starts competing for CPU. */
    void prepare(Path root, Path logs, Launch launch) throws IOException, InterruptedException {
        Path jar = root.resolve(name).resolve("target").resolve(name + "-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./run does)");
        }
        Path application = launch.extract(jar);
        log = logs.resolve(name + ".log");
        builder = new ProcessBuilder().redirectErrorStream(true);
        builder.environment().putAll(environment);
        List<String> command = new ArrayList<>();
        command.add(launch.java().toString());
        command.addAll(launch.aotOptions(application, JVM_OPTIONS, builder));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", application.toString()));
        builder.command(command).environment().put("PORT", Integer.toString(port));
    }

    /** Starts the process; after a stop, starts it again, its output appended to the same log. */
    void start() throws IOException {
        if (alive()) {
            throw new IllegalStateException(name + " is running already");
        }
        builder.redirectOutput(process == null ? ProcessBuilder.Redirect.to(log.toFile())
                : ProcessBuilder.Redirect.appendTo(log.toFile()));
        readyAfter = null;
        startedAt = System.nanoTime();
        process = builder.start();
    }

    /** Kills the process at once (SIGKILL), as a crash or an OOM killer would, and waits for it to be gone. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** The last lines of its log, to show why it did not start. */
    List<String> lastLogLines(int count) {
        try {
            List<String> lines = log == null || !Files.exists(log) ? List.of() : Files.readAllLines(log);
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(its log " + log + " could not be read: " + e.getMessage() + ")");
        }
    }

    /** How long it has been starting. */
    Duration startingFor() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** Waits until {@code /actuator/health/readiness} answers 200; false if the process died or time ran out. */
    boolean awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readyAfter = Duration.ofNanos(System.nanoTime() - startedAt);
                    return true;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(POLL);
        }
        return false;
    }

    /** Asks the service to shut down gracefully (SIGTERM), without waiting. */
    void requestStop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Waits for the service to have shut down, and insists once the grace period is over. */
    void awaitStop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    String name() {
        return name;
    }

    /** What the service is configured with, besides {@code PORT}. */
    Map<String, String> environment() {
        return environment;
    }

    String url() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " has not started");
        }
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    Duration readyAfter() {
        return readyAfter;
    }
}
