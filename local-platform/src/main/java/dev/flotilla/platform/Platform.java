package dev.flotilla.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole platform on one machine without Docker, started and stopped as one: the engines over the
 * data directory ({@link LocalEngines}), then every service as a process of its own configured through
 * environment variables exactly as in containers ({@link ServiceEnvironments}), the demo data on the
 * first start ({@link DemoData}). The run command ({@link LocalPlatform}) and the end-to-end tests both
 * start it through {@link #start}.
 */
public final class Platform implements AutoCloseable {

    public static final String ADMIN_EMAIL = ServiceEnvironments.ADMIN_EMAIL;
    public static final String CUSTOMER_EMAIL = DemoData.CUSTOMER_EMAIL;
    /** In the data directory once the demo data is in: later starts do not seed again. */
    static final String SEEDED_MARKER = "demo-data.seeded";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final int LOG_LINES_SHOWN = 20;

    private final PlatformSettings settings;
    private final Secrets secrets;
    private final LocalEngines engines;
    private final List<ServiceProcess> services;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Timings timings = new Timings();
    private List<String> demoData = List.of();
    private boolean closed;

    /** How long the start took: the engines, the services until all were ready, the demo data. */
    public static final class Timings {
        private Duration engines = Duration.ZERO;
        private Duration services = Duration.ZERO;
        private Duration demoData = Duration.ZERO;

        public Duration engines() {
            return engines;
        }

        public Duration services() {
            return services;
        }

        public Duration demoData() {
            return demoData;
        }

        public Duration total() {
            return engines.plus(services).plus(demoData);
        }
    }

    /** Why the platform did not start; everything started has been stopped again. */
    public static final class StartFailure extends Exception {
        StartFailure(String message) {
            super(message);
        }
    }

    private Platform(PlatformSettings settings, Secrets secrets, LocalEngines engines, List<ServiceProcess> services) {
        this.settings = settings;
        this.secrets = secrets;
        this.engines = engines;
        this.services = services;
    }

    /**
     * Starts everything and waits until every service is ready, then seeds the demo data if the data
     * directory has none yet. {@code progress} gets a line every few seconds while the services start.
     */
    public static Platform start(PlatformSettings settings, Consumer<String> progress) throws StartFailure, Exception {
        long launched = System.nanoTime();
        // Before anything starts: a process of an earlier run still listening on one of these ports would
        // answer in this one's place.
        List<String> taken = settings.ports().byName().entrySet().stream().filter(port -> !portFree(port.getValue()))
                .map(port -> port.getValue() + " (" + port.getKey() + ")").toList();
        if (!taken.isEmpty()) {
            throw new StartFailure("Another process listens on port " + String.join(", ", taken) + ": stop it (an"
                    + " earlier run of the platform?) or choose other ports (-Dflotilla.port.<name>=<port>). Nothing"
                    + " was started.");
        }
        if (settings.fresh()) {
            deleteData(settings.data());
        }
        Files.createDirectories(settings.logs());
        Secrets secrets = Secrets.load(settings.data());
        LocalEngines engines;
        try {
            engines = LocalEngines.start(settings.data(), settings.ports(), secrets);
        } catch (Exception e) {
            throw new StartFailure("An engine did not start: " + e.getMessage() + " (its files: " + settings.data()
                    + "; PostgreSQL's log: " + settings.data().resolve("postgres.log") + ")");
        }
        Platform platform;
        try {
            ServiceEnvironments environments = new ServiceEnvironments(settings.ports(), engines, settings.data());
            List<ServiceProcess> services = environments.all(secrets.adminPassword()).stream()
                    .map(service -> service.withEnvironment(settings.environment().getOrDefault(service.name(), Map.of())))
                    .toList();
            platform = new Platform(settings, secrets, engines, services);
        } catch (RuntimeException e) {
            engines.close();
            throw e;
        }
        platform.timings.engines = since(launched);
        try {
            platform.startAll(progress);
        } catch (Exception e) {
            // A missing jar, a failed training start, a service not ready: nothing may stay running.
            platform.close();
            throw e;
        }
        platform.timings.services = since(launched).minus(platform.timings.engines);
        platform.seedOnFirstStart();
        platform.timings.demoData = since(launched).minus(platform.timings.engines).minus(platform.timings.services);
        return platform;
    }

    /** Prepares every service first (before they compete for CPU), starts them all, then waits for all at once. */
    private void startAll(Consumer<String> progress) throws Exception {
        Launch launch = new Launch(settings.aot(), progress);
        for (ServiceProcess service : services) {
            service.prepare(settings.root(), settings.logs(), launch);
        }
        for (ServiceProcess service : services) {
            service.start();
        }
        List<Callable<Boolean>> waits = services.stream()
                .map(service -> (Callable<Boolean>) () -> service.awaitReady(http, READY_TIMEOUT)).toList();
        boolean allReady = true;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> shown = executor.submit(() -> showProgress(progress));
            for (Future<Boolean> ready : executor.invokeAll(waits)) {
                allReady &= ready.get();
            }
            shown.cancel(true);
        }
        if (!allReady) {
            StringBuilder message = new StringBuilder();
            for (ServiceProcess service : services) {
                if (service.readyAfter() == null) {
                    message.append(service.name()).append(service.alive() ? " did not become ready" : " exited")
                            .append("; the last lines of ").append(settings.logs().resolve(service.name() + ".log"))
                            .append(":\n");
                    service.lastLogLines(LOG_LINES_SHOWN).forEach(line -> message.append("  ").append(line).append('\n'));
                }
            }
            throw new StartFailure(message.append("Not every service became ready. Stopping.").toString());
        }
    }

    /** Every few seconds while they start: which services are ready and which are still starting, for how long. */
    private void showProgress(Consumer<String> progress) {
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
                progress.accept("  starting: " + String.join(", ", starting)
                        + (ready.isEmpty() ? "" : "; ready: " + String.join(", ", ready)));
            }
        } catch (InterruptedException done) {
            // Everything is ready, or the launcher stops.
        }
    }

    /** Demo products, a customer with a cart, product pictures, once per data directory. */
    private void seedOnFirstStart() throws IOException, InterruptedException {
        Path marker = settings.data().resolve(SEEDED_MARKER);
        if (Files.exists(marker)) {
            demoData = Files.readAllLines(marker);
            return;
        }
        DemoData.Seeded seeded = new DemoData(http, url("user-service"), url("product-service"), url("order-service"),
                url("image-service")).seed(ADMIN_EMAIL, secrets.adminPassword(), secrets.customerPassword());
        List<String> lines = new ArrayList<>();
        lines.add("Demo data: %d products, %d lines in the demo customer's cart, %d product images".formatted(
                seeded.products(), seeded.cartLines(), seeded.thumbnails().size()));
        if (!seeded.thumbnails().isEmpty()) {
            lines.add("Demo thumbnail: " + seeded.thumbnails().getFirst());
        }
        if (seeded.failure() == null) {
            Files.write(marker, lines);
        } else {
            lines.add("Demo data incomplete: " + seeded.failure() + " (./run --fresh starts from scratch)");
        }
        demoData = lines;
    }

    /** The URL of a process of the platform ({@code gateway}, {@code user-service}, ...). */
    public String url(String name) {
        return service(name).url();
    }

    public String gatewayUrl() {
        return url("gateway");
    }

    public String adminPassword() {
        return secrets.adminPassword();
    }

    public String customerPassword() {
        return secrets.customerPassword();
    }

    public Timings timings() {
        return timings;
    }

    /** What the demo data holds (seeded in this start or an earlier one). */
    public List<String> demoData() {
        return demoData;
    }

    /** Kills a service at once (SIGKILL), as a crash would. */
    public void kill(String name) throws InterruptedException {
        service(name).kill();
    }

    /** Stops a service gracefully (SIGTERM) and waits until it has. */
    public void stop(String name) {
        ServiceProcess service = service(name);
        service.requestStop();
        service.awaitStop();
    }

    /** Starts a stopped service again and waits until it is ready; false if it did not become ready in time. */
    public boolean restart(String name) throws IOException, InterruptedException {
        ServiceProcess service = service(name);
        service.start();
        return service.awaitReady(http, READY_TIMEOUT);
    }

    /** The environment a process of the platform was started with, exactly as a container would get it. */
    public Map<String, String> environment(String name) {
        return service(name).environment();
    }

    /** The port a process of the platform listens on. */
    public int port(String name) {
        return service(name).port();
    }

    /** The JVM options every service runs with. */
    public List<String> serviceJvmOptions() {
        return ServiceProcess.JVM_OPTIONS;
    }

    /** The PID of a service's process, to measure it. */
    public long pid(String name) {
        return service(name).pid();
    }

    List<ServiceProcess> services() {
        return services;
    }

    LocalEngines engines() {
        return engines;
    }

    PlatformSettings settings() {
        return settings;
    }

    /** Stops every service gracefully at once (each within its grace period), then the engines. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        services.forEach(ServiceProcess::requestStop);
        services.forEach(ServiceProcess::awaitStop);
        engines.close();
    }

    private ServiceProcess service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process " + name + " in the platform"));
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As the servers do: connections of the last run closing (TIME_WAIT) do not make a port taken,
            // only a process listening on it.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Deletes the data directory, refusing one that does not look like the platform's. */
    private static void deleteData(Path data) throws IOException {
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> entries = Files.list(data)) {
            if (entries.findAny().isPresent() && !Files.exists(data.resolve(Secrets.FILE))) {
                throw new IOException(data + " does not look like the platform's data directory (it has no "
                        + Secrets.FILE + "): not deleting it");
            }
        }
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    static String seconds(Duration duration) {
        return "%.1f s".formatted(duration.toMillis() / 1000.0);
    }

    /** The stores each service uses, for the table. */
    Map<String, String> stores() {
        return Map.of(
                "user-service", engines.jdbcUrl("users") + " (login " + ServiceEnvironments.databaseLogin("users")
                        + "), redis db " + ServiceEnvironments.USER_REDIS_DATABASE,
                "product-service", engines.mongoUri("products") + ", redis db " + ServiceEnvironments.PRODUCT_REDIS_DATABASE,
                "order-service", engines.jdbcUrl("orders") + " (login " + ServiceEnvironments.databaseLogin("orders")
                        + "), redis db " + ServiceEnvironments.ORDER_REDIS_DATABASE + " (order events)",
                "image-service", engines.s3Endpoint() + " bucket " + ServiceEnvironments.IMAGE_BUCKET + ", "
                        + settings.data().resolve("image-service/images.db"),
                "analytics-service", engines.mongoUri("analytics") + ", redis db " + ServiceEnvironments.ORDER_REDIS_DATABASE + " (reads order events), "
                        + settings.data().resolve("analytics-service/report-cache.db"),
                "gateway", "-");
    }
}
