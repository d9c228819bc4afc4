package dev.flotilla.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.flotilla.platform.Platform;

/**
 * Proof that every service's image starts: the local platform runs on its embedded engines, and each
 * service in turn is stopped there and started from its image instead, with podman, as in production:
 * its non-root user (65532), a read-only root filesystem (writable: /tmp, and the directories its
 * configuration names), every capability dropped, a memory limit, the very environment the platform
 * gives its process. It must become ready, run as that user, and stop gracefully on SIGTERM; then the
 * process takes its place again for the services after it.
 *
 * <p>Run by {@code images/smoke-test} (which installs and configures podman, makes the offline base
 * and builds the images); exits non-zero, with the container's last log lines, when an image fails.
 */
public final class ImageSmokeTest {

    private static final List<String> SERVICES = List.of("user-service", "product-service", "order-service",
            "image-service", "analytics-service", "gateway");
    private static final String USER = "65532:65532";
    private static final Duration READY_WAIT = Duration.ofSeconds(120);
    /** Environment variables whose value is a file the service writes, or a directory it writes in. */
    private static final Set<String> WRITTEN_FILES = Set.of("FLOTILLA_IMAGE_DB_PATH", "FLOTILLA_ANALYTICS_CACHE_PATH");
    private static final Set<String> WRITTEN_DIRECTORIES = Set.of("FLOTILLA_USER_JWT_KEYDIRECTORY");

    private ImageSmokeTest() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Shop.root();
        String version = System.getProperty("image.version", "0.1.0-SNAPSHOT");
        for (String service : SERVICES) {
            podman("load", "-q", "-i", root.resolve(service + "/target/jib-image.tar").toString());
        }
        List<String> failures = new ArrayList<>();
        List<String> table = new ArrayList<>();
        try (Shop shop = Shop.start("image-smoke-logs")) {
            Platform platform = shop.platform();
            for (String service : SERVICES) {
                String result = tryImage(platform, service, "localhost/flotilla/" + service + ":" + version,
                        composeHealthCheck(root), failures);
                table.add(result);
                platform.restart(service);
            }
            failures.addAll(ComposeNginxCheck.problems(root, platform, root.resolve("end-to-end-tests/target/compose-nginx")));
        }
        System.out.println();
        System.out.printf("%-18s %-10s %-9s %-10s %-10s %s%n", "IMAGE", "SIZE", "READY IN", "MEMORY", "STOPPED", "RESULT");
        table.forEach(System.out::println);
        if (!failures.isEmpty()) {
            failures.forEach(System.err::println);
            System.exit(1);
        }
    }

    private static String tryImage(Platform platform, String service, String image, List<String> healthCheck,
            List<String> failures) throws IOException, InterruptedException {
        Map<String, String> environment = platform.environment(service);
        String container = "flotilla-smoke-" + service;
        podmanQuietly("rm", "-f", container);
        List<String> run = new ArrayList<>(List.of("run", "-d", "--name", container, "--network", "host", "--read-only",
                "--user", USER, "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--memory", "768m",
                "--stop-timeout", "30"));
        for (Path writable : writablePaths(environment)) {
            Files.createDirectories(writable);
            run("chown", "-R", USER, writable.toString());
            run.addAll(List.of("-v", writable + ":" + writable));
        }
        environment.forEach((name, value) -> run.addAll(List.of("-e", name + "=" + value)));
        run.addAll(List.of("-e", "PORT=" + platform.port(service)));
        run.add(image);

        platform.stop(service);
        long started = System.nanoTime();
        podman(run.toArray(String[]::new));
        String size = podman("image", "inspect", "--format", "{{.Size}}", image).strip();
        String problem = awaitReady(container, platform.port(service));
        Duration ready = Duration.ofNanos(System.nanoTime() - started);
        String memory = "?";
        if (problem == null) {
            // The container's memory once ready (its cgroup: heap, metaspace, code cache, threads, page cache).
            memory = podmanQuietly("stats", "--no-stream", "--format", "{{.MemUsage}}", container).strip().split(" / ")[0];
            String user = podman("top", container, "huser", "hgroup").lines().skip(1).findFirst().orElse("").strip();
            String readOnly = podman("inspect", "--format", "{{.HostConfig.ReadonlyRootfs}}", container).strip();
            if (!user.replaceAll("\\s+", ":").equals(USER)) {
                problem = "its process runs as " + user + ", not " + USER;
            } else if (!readOnly.equals("true")) {
                problem = "its root filesystem is not read-only";
            } else if (!service.equals("gateway")) {
                // compose's health check of the services (docker-compose.yml), from inside the container.
                List<String> probe = new ArrayList<>(List.of("exec", container));
                probe.addAll(healthCheck);
                try {
                    podman(probe.toArray(String[]::new));
                } catch (IOException e) {
                    problem = "compose's health check fails in it: " + e.getMessage();
                }
            }
        }
        podman("stop", container);
        String exit = podman("inspect", "--format", "{{.State.ExitCode}}", container).strip();
        // The JVM ends with 143 (128 + SIGTERM) after a graceful shutdown; 137 means it had to be killed.
        if (problem == null && !exit.equals("143") && !exit.equals("0")) {
            problem = "it did not stop gracefully on SIGTERM (exit code " + exit + ")";
        }
        if (problem != null) {
            failures.add(service + ": " + problem + "; its last log lines:\n"
                    + podmanQuietly("logs", "--tail", "30", container));
        }
        podmanQuietly("rm", "-f", container);
        return "%-18s %-10s %-9s %-10s %-10s %s".formatted(service, "%.0f MB".formatted(Long.parseLong(size) / 1e6),
                "%.1f s".formatted(ready.toMillis() / 1000.0), memory.length() > 10 ? "?" : memory, "exit " + exit,
                problem == null ? "ok" : "FAILED");
    }

    /**
     * The health check docker-compose.yml gives the services (the images have no shell or curl), as
     * the command to run in a container: its {@code test} without the leading {@code CMD}.
     */
    static List<String> composeHealthCheck(Path root) throws IOException {
        String line = Files.readAllLines(root.resolve("docker-compose.yml")).stream()
                .filter(candidate -> candidate.strip().startsWith("test:") && candidate.contains("HealthProbe")).findFirst()
                .orElseThrow(() -> new IOException("docker-compose.yml has no health check running HealthProbe"));
        List<String> test = new ArrayList<>();
        ShopClient.JSON.readTree(line.substring(line.indexOf('['))).forEach(part -> test.add(part.asString()));
        return test.subList(1, test.size());
    }

    /** The directories the service writes in, by its configuration (the platform's data directory). */
    private static Set<Path> writablePaths(Map<String, String> environment) {
        Set<Path> paths = new LinkedHashSet<>();
        environment.forEach((name, value) -> {
            if (WRITTEN_FILES.contains(name)) {
                paths.add(Path.of(value).getParent());
            } else if (WRITTEN_DIRECTORIES.contains(name)) {
                paths.add(Path.of(value));
            }
        });
        return paths;
    }

    /** Null once the readiness group answers 200; why not, if the container exits or the wait ends. */
    private static String awaitReady(String container, int port) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return null;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            String state = podmanQuietly("inspect", "--format", "{{.State.Status}}", container).strip();
            if (!state.equals("running")) {
                return "the container " + state + " before it was ready";
            }
            Thread.sleep(500);
        }
        return "not ready within " + READY_WAIT.toSeconds() + " s";
    }

    private static String podman(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(arguments));
        return run(command.toArray(String[]::new));
    }

    private static String podmanQuietly(String... arguments) throws InterruptedException {
        try {
            return podman(arguments);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command).substring(0, Math.min(200, String.join(" ", command).length()))
                    + " failed: " + output);
        }
        return output;
    }
}
