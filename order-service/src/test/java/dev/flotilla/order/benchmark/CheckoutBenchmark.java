package dev.flotilla.order.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.flotilla.order.support.JarProcess;
import dev.flotilla.order.support.ProductServiceProcess;
import dev.flotilla.testing.PostgresEngine;
import dev.flotilla.testing.RedisEngine;
import dev.flotilla.testing.SharedEngines;
import dev.flotilla.testing.TestJwtIssuer;

/**
 * Checkout under load: the real order-service and product-service, each from its packaged jar in a JVM
 * of its own with the same flags (by default the run command's), against the engines of this JVM, with
 * {@link TestJwtIssuer} as user-service (JWKS and the client-credentials token endpoint). Client threads
 * ({@link CheckoutClients}) add a cart line and check out, in a loop; after a warm-up the measured phase
 * reports orders per second, the checkout's p50/p90/p99/max, every answer by status, the CPU time of
 * each service per order and where order-service's CPU went ({@link FlightRecording}). The goal it
 * reports against: {@value #GOAL_RATE} orders/s with p99 under {@value #GOAL_P99_MILLIS} ms. It asserts
 * nothing about speed; it ends with status 1 only if no checkout succeeded.
 *
 * <p>Run with {@code ./mvnw -DskipTests install}, then
 * {@code ./mvnw -pl order-service -Pbenchmark -DskipTests verify}. System properties
 * (the profile's defaults): {@code benchmark.jvm} (flags of both services), {@code benchmark.clients}
 * (32), {@code benchmark.customers-per-client} (8), {@code benchmark.products} (50),
 * {@code benchmark.warm-up} (20s), {@code benchmark.duration} (30s), {@code benchmark.profile} (true).
 * Output: {@code order-service/target/benchmark/} (service logs, {@code order-service.jfr}).
 */
public final class CheckoutBenchmark {

    /** The run command's flags (local-platform's ServiceProcess): C1 only, serial GC, 256 MB heap. */
    static final String RUN_COMMAND_FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m";
    static final int GOAL_RATE = 500;
    static final int GOAL_P99_MILLIS = 100;
    private static final long STOCK = 1_000_000;
    private static final List<String> FLAGS = Arrays.stream(System.getProperty("benchmark.jvm", RUN_COMMAND_FLAGS)
            .trim().split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 32);
    private static final int CUSTOMERS_PER_CLIENT = Integer.getInteger("benchmark.customers-per-client", 8);
    private static final int PRODUCTS = Integer.getInteger("benchmark.products", 50);
    private static final String WARM_UP = System.getProperty("benchmark.warm-up", "20s");
    private static final String MEASURED = System.getProperty("benchmark.duration", "30s");
    private static final boolean PROFILE = Boolean.parseBoolean(System.getProperty("benchmark.profile", "true"));

    private CheckoutBenchmark() {
    }

    public static void main(String[] args) {
        // The engines' threads would keep this JVM alive after a failure: end it either way.
        try {
            System.exit(run() ? 0 : 1);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static boolean run() throws Exception {
        Path output = Files.createDirectories(JarProcess.repositoryRoot().resolve("order-service/target/benchmark"));
        try (ProductServiceProcess productService = ProductServiceProcess.launch(FLAGS, output)) {
            List<String> productIds = new ArrayList<>();
            for (int i = 0; i < PRODUCTS; i++) {
                productIds.add(productService.createProduct("%d.%02d".formatted(5 + i, i % 100), "EUR", STOCK));
            }
            JarProcess orderService = orderService(productService.baseUrl(), output);
            orderService.start();
            try {
                return measure(new CheckoutClients(orderService.baseUrl(), productIds, customers()), orderService,
                        productService.process(), output);
            } finally {
                orderService.stop();
            }
        }
    }

    private static boolean measure(CheckoutClients clients, JarProcess orderService, JarProcess productService,
            Path output) throws Exception {
        System.out.printf(Locale.ROOT, "Warming up for %s with %d clients...%n", WARM_UP, CLIENTS);
        CheckoutClients.Phase warmUp = clients.run(duration(WARM_UP));
        System.out.printf(Locale.ROOT, "Warm-up: %.0f orders/s, %s. Measuring for %s...%n", warmUp.ordersPerSecond(),
                warmUp.statuses(), MEASURED);
        FlightRecording recording = PROFILE ? FlightRecording.start(orderService.pid(), output.resolve("order-service.jfr"))
                : null;
        Duration orderCpu = orderService.cpuTime();
        Duration productCpu = productService.cpuTime();
        CheckoutClients.Phase measured = clients.run(duration(MEASURED));
        orderCpu = orderService.cpuTime().minus(orderCpu);
        productCpu = productService.cpuTime().minus(productCpu);
        if (recording != null) {
            recording.stop();
        }
        System.out.print(report(measured, orderCpu, productCpu, output));
        if (recording != null) {
            System.out.print(recording.summarise(15));
        }
        return measured.checkoutsPlaced() > 0;
    }

    private static JarProcess orderService(String productService, Path output) {
        PostgresEngine postgres = SharedEngines.postgres();
        RedisEngine redis = SharedEngines.redis();
        String database = postgres.createDatabase("checkout_benchmark_" + ProcessHandle.current().pid());
        TestJwtIssuer issuer = TestJwtIssuer.shared();
        return new JarProcess("order-service", "order-service", FLAGS, Map.ofEntries(
                Map.entry("FLOTILLA_ORDER_DB_URL", postgres.jdbcUrl(database)),
                Map.entry("FLOTILLA_ORDER_DB_USERNAME", postgres.username()),
                Map.entry("FLOTILLA_ORDER_DB_PASSWORD", postgres.password()),
                Map.entry("FLOTILLA_REDIS_HOST", redis.host()),
                Map.entry("FLOTILLA_REDIS_PORT", Integer.toString(redis.port())),
                Map.entry("SPRING_DATA_REDIS_DATABASE", Integer.toString(redis.allocateDatabase())),
                Map.entry("FLOTILLA_JWKS_URI", issuer.jwkSetUri()),
                Map.entry("FLOTILLA_TOKEN_URI", issuer.tokenUri()),
                Map.entry("FLOTILLA_ORDER_CLIENT_ID", TestJwtIssuer.CLIENT_ID),
                Map.entry("FLOTILLA_ORDER_CLIENT_SECRET", TestJwtIssuer.CLIENT_SECRET),
                Map.entry("FLOTILLA_PRODUCT_SERVICE_URL", productService)), output);
    }

    /** Access tokens of customers of their own for each client (valid 15 minutes, as user-service's). */
    private static List<List<String>> customers() {
        List<List<String>> tokens = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            List<String> own = new ArrayList<>();
            for (int customer = 0; customer < CUSTOMERS_PER_CLIENT; customer++) {
                own.add(TestJwtIssuer.shared().token(UUID.randomUUID().toString(), "CUSTOMER"));
            }
            tokens.add(own);
        }
        return tokens;
    }

    private static String report(CheckoutClients.Phase phase, Duration orderCpu, Duration productCpu, Path output) {
        double p99 = phase.percentileMillis(99);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """

                POST /api/orders under load: %d clients, %d customers, %d products; %s warm-up, %s measured
                  orders placed per second  %8.1f   (goal %d: %s)
                  checkout latency          p50 %s, p90 %s, p99 %s, max %s   (goal p99 < %d ms: %s)
                  CPU per order placed      order-service %s, product-service %s (all threads of each JVM)
                  JVM flags of both services: %s
                  (%d cores, Java %s; engines, token issuer and clients share this JVM and machine)
                  answers by request and status:
                """, CLIENTS, CLIENTS * CUSTOMERS_PER_CLIENT, PRODUCTS, WARM_UP, MEASURED, phase.ordersPerSecond(),
                GOAL_RATE, phase.ordersPerSecond() >= GOAL_RATE ? "met" : "missed", millis(phase.percentileMillis(50)),
                millis(phase.percentileMillis(90)), millis(p99), millis(phase.percentileMillis(100)), GOAL_P99_MILLIS,
                p99 < GOAL_P99_MILLIS ? "met" : "missed", cpuPerOrder(orderCpu, phase.checkoutsPlaced()),
                cpuPerOrder(productCpu, phase.checkoutsPlaced()), String.join(" ", FLAGS), Runtime.getRuntime().availableProcessors(),
                Runtime.version()));
        phase.statuses().forEach((status, count) -> text.append(String.format(Locale.ROOT, "    %-28s %8d%n", status, count)));
        phase.firstBodies().forEach((status, body) -> text.append(String.format(Locale.ROOT, "  first %s: %s%n", status,
                body.length() > 300 ? body.substring(0, 300) + "..." : body)));
        return text.append("  service logs: ").append(output).append('\n').toString();
    }

    /** {@code 30s}, {@code 2m}, {@code 1m30s}. */
    private static Duration duration(String text) {
        return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
    }

    private static String millis(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String cpuPerOrder(Duration cpu, long orders) {
        return orders == 0 ? "n/a (%.1f s in all)".formatted(cpu.toNanos() / 1e9)
                : String.format(Locale.ROOT, "%.2f ms", cpu.toNanos() / 1e6 / orders);
    }
}
