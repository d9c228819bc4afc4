package dev.flotilla.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.flotilla.testing.MongoEngine;
import dev.flotilla.testing.PostgresEngine;
import dev.flotilla.testing.RedisEngine;
import dev.flotilla.testing.S3Engine;
import dev.flotilla.testing.SharedEngines;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static dev.flotilla.platform.ServiceEnvironments.ADMIN_EMAIL;
import static dev.flotilla.platform.ServiceEnvironments.IMAGE_BUCKET;

/**
 * The whole platform on one machine without Docker: embedded PostgreSQL 17, Redis, the Mongo wire
 * server and S3Proxy, then every service as its own process, configured through environment variables
 * exactly as in containers ({@link ServiceEnvironments}). Once everything is ready it seeds demo data
 * over HTTP ({@link DemoData}) and prints a table of URLs and credentials; Ctrl-C stops the services
 * and the engines.
 */
public final class LocalPlatform {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final int LOG_LINES_SHOWN = 20;

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        // The demo pictures are drawn with java.awt: no window system, and no Dock icon on a Mac.
        System.setProperty("java.awt.headless", "true");
        long launched = System.nanoTime();
        Path root = Path.of(System.getProperty("flotilla.root", ".")).toAbsolutePath().normalize();
        Path logs = Files.createDirectories(root.resolve("local-platform/target/logs"));
        Path data = root.resolve("local-platform/target/data");
        // Before anything starts: a service of an earlier run still listening on one of these ports would
        // answer the readiness probe in this one's place.
        List<String> taken = ServiceEnvironments.URLS.entrySet().stream().filter(service -> !portFree(service.getValue()))
                .map(service -> "port " + service.getValue().getPort() + " (" + service.getKey() + ")").toList();
        if (!taken.isEmpty()) {
            System.out.println("Another process listens on " + String.join(", ", taken) + ": stop it (an earlier run of"
                    + " the platform?) and start again. Nothing was started.");
            System.exit(1);
        }
        PostgresEngine postgres = SharedEngines.postgres();
        RedisEngine redis = SharedEngines.redis();
        MongoEngine mongo = SharedEngines.mongo();
        S3Engine s3 = SharedEngines.s3();
        Duration engines = since(launched);
        String adminPassword = randomSecret("Local-");
        // order-service's own identity towards product-service: user-service keeps only the hash.
        String orderClientSecret = randomSecret("");

        // The order-event stream: order-service publishes to this Redis database, analytics-service reads it.
        int orderEvents = redis.allocateDatabase();

        List<ServiceProcess> services = List.of(
                ServiceEnvironments.userService(postgres, redis, adminPassword,
                        new BCryptPasswordEncoder().encode(orderClientSecret)),
                ServiceEnvironments.productService(mongo, redis),
                ServiceEnvironments.orderService(postgres, redis, orderEvents, orderClientSecret),
                // Its records point at objects in the S3 store, which starts empty at every run: so do they.
                ServiceEnvironments.imageService(s3, emptyDirectory(data.resolve("image-service")).resolve("images.db")),
                // A cache: it may start empty every time.
                ServiceEnvironments.analyticsService(mongo, redis, orderEvents,
                        emptyDirectory(data.resolve("analytics-service")).resolve("report-cache.db")),
                ServiceEnvironments.gateway());
        // All at once: stopped one after the other, each would wait on engines already stopping (the
        // engines' own shutdown hook runs at the same time as this one).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.forEach(ServiceProcess::requestStop);
            services.forEach(ServiceProcess::awaitStop);
        }, "flotilla-services-stop"));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        boolean allReady = startAll(services, root, logs, http);
        Duration servicesReady = since(launched);
        List<String> notes = new ArrayList<>(List.of("Administrator: " + ADMIN_EMAIL + " / " + adminPassword));
        notes.addAll(allReady ? seed(http, adminPassword) : List.of("Demo data: none, not every service became ready"));
        notes.add("Shop API and sales dashboard (admins), through the gateway: " + ServiceEnvironments.GATEWAY + "/");
        notes.add("Logs: " + logs);
        Duration ready = since(launched);
        notes.add("Ready in %s: engines %s, services %s, demo data %s".formatted(seconds(ready), seconds(engines),
                seconds(servicesReady.minus(engines)), seconds(ready.minus(servicesReady))));
        printTable(services, List.of(
                engine("postgresql", postgres.jdbcUrl("users") + " (login " + ServiceEnvironments.databaseLogin("users") + "), "
                        + postgres.jdbcUrl("orders") + " (login " + ServiceEnvironments.databaseLogin("orders") + ")"),
                engine("redis", "redis://" + redis.host() + ":" + redis.port()),
                engine("mongodb (wire)", mongo.uri("products") + ", " + mongo.uri("analytics")),
                engine("s3 (S3Proxy)", s3.endpoint() + ", bucket " + IMAGE_BUCKET)), notes);
        if (!allReady) {
            for (ServiceProcess service : services) {
                if (service.readyAfter() == null) {
                    System.out.println();
                    System.out.println(service.name() + (service.alive() ? " did not become ready" : " exited")
                            + "; the last lines of " + logs.resolve(service.name() + ".log") + ":");
                    service.lastLogLines(LOG_LINES_SHOWN).forEach(line -> System.out.println("  " + line));
                }
            }
            System.out.println("Not every service became ready. Stopping.");
            System.exit(1);
        }
        System.out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }

    /**
     * Prepares every service first (before they compete for CPU), starts them all, then waits for all
     * of them at once, so that each one's time to ready is its own, not that of the slowest before it.
     */
    private static boolean startAll(List<ServiceProcess> services, Path root, Path logs, HttpClient http)
            throws IOException, InterruptedException, ExecutionException {
        Launch launch = new Launch();
        for (ServiceProcess service : services) {
            service.prepare(root, logs, launch);
        }
        for (ServiceProcess service : services) {
            service.start();
        }
        List<Callable<Boolean>> waits = services.stream()
                .map(service -> (Callable<Boolean>) () -> service.awaitReady(http, READY_TIMEOUT)).toList();
        boolean allReady = true;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> progress = executor.submit(() -> showProgress(services));
            for (Future<Boolean> ready : executor.invokeAll(waits)) {
                allReady &= ready.get();
            }
            progress.cancel(true);
        }
        return allReady;
    }

    private static boolean portFree(URI url) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(url.getPort()));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Every few seconds while they start: which services are ready and which are still starting, for how long. */
    private static void showProgress(List<ServiceProcess> services) {
        try {
            while (true) {
                Thread.sleep(PROGRESS_EVERY.toMillis());
                List<String> starting = new ArrayList<>();
                List<String> ready = new ArrayList<>();
                for (ServiceProcess service : services) {
                    if (service.readyAfter() != null) {
                        ready.add(service.name());
                    } else if (service.alive()) {
                        starting.add(service.name() + " " + seconds(service.startingFor()));
                    }
                }
                if (starting.isEmpty()) {
                    return;
                }
                System.out.println("  starting: " + String.join(", ", starting)
                        + (ready.isEmpty() ? "" : "; ready: " + String.join(", ", ready)));
            }
        } catch (InterruptedException done) {
            // Everything is ready, or the launcher stops.
        }
    }

    /** Demo products, a customer with a cart, product pictures; a failure is reported in the table, the platform keeps running. */
    private static List<String> seed(HttpClient http, String adminPassword) throws InterruptedException {
        DemoData.Seeded seeded = new DemoData(http, ServiceEnvironments.USER_SERVICE, ServiceEnvironments.PRODUCT_SERVICE,
                ServiceEnvironments.ORDER_SERVICE, ServiceEnvironments.IMAGE_SERVICE)
                .seed(ADMIN_EMAIL, adminPassword, randomSecret("Demo-"));
        List<String> lines = new ArrayList<>();
        lines.add("Demo data: %d products, %d lines in the demo customer's cart, %d product images".formatted(
                seeded.products(), seeded.cartLines(), seeded.thumbnails().size()));
        if (seeded.customerPassword() != null) {
            lines.add("Demo customer: " + DemoData.CUSTOMER_EMAIL + " / " + seeded.customerPassword());
        }
        if (!seeded.thumbnails().isEmpty()) {
            lines.add("Demo thumbnail: " + seeded.thumbnails().getFirst());
        }
        if (seeded.failure() != null) {
            lines.add("Demo data incomplete: " + seeded.failure());
        }
        return lines;
    }

    private static void printTable(List<ServiceProcess> services, List<String> engines, List<String> notes) {
        System.out.println();
        System.out.printf("%-18s %-8s %-10s %s%n", "SERVICE", "STATUS", "READY IN", "URL");
        for (ServiceProcess service : services) {
            String ready = service.readyAfter() == null ? "-" : seconds(service.readyAfter());
            // The gateway has no API of its own; each service documents its own.
            String docs = service.name().equals("gateway") ? "" : "  (API docs: " + service.url() + "/swagger-ui.html)";
            System.out.printf("%-18s %-8s %-10s %s%s%n", service.name(),
                    service.alive() && service.readyAfter() != null ? "UP" : "DOWN", ready, service.url(), docs);
        }
        engines.forEach(System.out::println);
        System.out.println();
        notes.forEach(System.out::println);
    }

    /** An engine's line of the table: it is up, or the launcher would not have got this far. */
    private static String engine(String name, String where) {
        return "%-18s %-8s %-10s %s".formatted(name, "UP", "", where);
    }

    /** {@code directory}, created, with nothing left in it from an earlier run. */
    private static Path emptyDirectory(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(directory);
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private static String seconds(Duration duration) {
        return "%.1f s".formatted(duration.toMillis() / 1000.0);
    }

    private static String randomSecret(String prefix) {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
