package dev.flotilla.analytics.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import dev.flotilla.analytics.TestOrders;
import dev.flotilla.testing.SharedEngines;
import org.slf4j.LoggerFactory;

/**
 * Throughput of the order-events consumer and latency of the reports: the packaged analytics-service,
 * each instance in a JVM of its own (by default with the run command's flags), configured by environment
 * variables as in a container, against the engines of this JVM: the embedded redis-server (a process of
 * its own) and the Mongo wire server (mongo-java-server, in memory, in this JVM), with the test token
 * issuer as user-service. For each consumer count, {@link ApplyRate} measures events applied per second
 * on a fresh stream and database and checks the figures; on the first one, {@link ReportLatency}
 * measures the reports, cold and cached. The summary goes to {@code summary.txt} as well. It asserts
 * nothing about speed; it ends with status 1 if the figures come out wrong (reports against the events,
 * {@code processed_events}, dead letters, cache hits and misses) or anything fails.
 *
 * <p>Run with {@code ./mvnw -DskipTests install && ./mvnw -pl analytics-service -Pbenchmark -DskipTests verify}.
 * System properties (the profile's defaults): {@code benchmark.jvm} (the services' JVM flags),
 * {@code benchmark.consumers} ({@code 1,2}), {@code benchmark.events} (30000, measured),
 * {@code benchmark.warm-up} (5000 events), {@code benchmark.cancel-gap} (1000: events between a placement
 * and its cancellation; 0 publishes them back to back, as {@link TestOrders#events} lists them),
 * {@code benchmark.cold} (100 distinct ranges), {@code benchmark.cached} (5000 requests),
 * {@code benchmark.clients} (8), {@code benchmark.timeout} (180s per backlog), {@code benchmark.profile}
 * (false: true records every JVM with JDK Flight Recorder during the measured backlog and prints where the
 * CPU went), {@code benchmark.jar}, {@code benchmark.output} ({@code analytics-service/target/benchmark}).
 */
public final class AnalyticsBenchmark {

    /** The run command's flags (local-platform's ServiceProcess): C1 only, serial GC, 256 MB heap; sqlite-jdbc loads a native library. */
    static final String RUN_COMMAND_FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m --enable-native-access=ALL-UNNAMED";
    static final List<String> FLAGS = Arrays.stream(System.getProperty("benchmark.jvm", RUN_COMMAND_FLAGS).trim()
            .split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
    static final int GOAL = 5_000;
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);
    static final int DAYS = 30;
    static final LocalDate LAST_DAY = FIRST_DAY.plusDays(DAYS - 1);
    private static final long SEED = 42;
    private static final List<Integer> CONSUMERS = Arrays.stream(System.getProperty("benchmark.consumers", "1,2").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private static final int EVENTS = Integer.getInteger("benchmark.events", 30_000);
    private static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 5_000);
    private static final int CANCEL_GAP = Integer.getInteger("benchmark.cancel-gap", 1_000);
    private static final int COLD = Integer.getInteger("benchmark.cold", 100);
    private static final int CACHED = Integer.getInteger("benchmark.cached", 5_000);
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 8);
    private static final Duration TIMEOUT = Duration.parse("PT" + System.getProperty("benchmark.timeout", "180s")
            .toUpperCase(Locale.ROOT));
    private static final boolean PROFILE = Boolean.getBoolean("benchmark.profile");
    private static final Path JAR = Path.of(System.getProperty("benchmark.jar", "target/analytics-service-0.1.0-SNAPSHOT.jar"));
    private static final Path OUTPUT = Path.of(System.getProperty("benchmark.output", "target/benchmark")).toAbsolutePath();

    private AnalyticsBenchmark() {
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
        // The Mongo server logs every connection and collection; its warnings (indexes it ignores) stay.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("de.bwaldvogel")).setLevel(Level.WARN);
        clean(OUTPUT);
        String setting = String.format(Locale.ROOT, "events: TestOrders (seed %d), %d days from %s, 4 countries, 12 products"
                + " in 3 categories, 1 to 3 lines; every fifth order cancelled, %d events after its placement", SEED, DAYS,
                FIRST_DAY, CANCEL_GAP);
        System.out.printf(Locale.ROOT, "analytics-service benchmark, JVM flags: %s%n  %s%n", String.join(" ", FLAGS), setting);
        Deployment.Setup setup = new Deployment.Setup(JAR, FLAGS, OUTPUT, SharedEngines.redis(), SharedEngines.mongo());
        List<ApplyRate.Result> rates = new ArrayList<>();
        List<ReportLatency.Result> reports = new ArrayList<>();
        StringBuilder profiles = new StringBuilder();
        for (int consumers : CONSUMERS) {
            rates.add(measure(setup, consumers, reports, profiles));
        }
        String summary = BenchmarkSummary.text(rates, reports, setting);
        System.out.print(summary);
        Files.writeString(OUTPUT.resolve("summary.txt"), summary);
        if (!profiles.isEmpty()) {
            System.out.print("\nWhere the CPU went (JDK Flight Recorder):\n" + profiles);
            Files.writeString(OUTPUT.resolve("profile.txt"), profiles);
        }
        System.out.println("  summary: " + OUTPUT.resolve("summary.txt") + "; service logs: " + OUTPUT);
        boolean correct = rates.stream().allMatch(rate -> rate.check().correct());
        if (!correct) {
            System.out.println("FAILED: the aggregates do not match the events published; see CHECK FAILED above.");
        }
        return correct;
    }

    private static ApplyRate.Result measure(Deployment.Setup setup, int consumers, List<ReportLatency.Result> reports,
            StringBuilder profiles) throws Exception {
        // The same seed for every line: each configuration applies the same orders.
        TestOrders orders = new TestOrders(SEED, FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC), DAYS);
        Backlog warmUp = Backlog.of(orders, WARM_UP, CANCEL_GAP);
        Backlog measured = Backlog.of(orders, EVENTS, CANCEL_GAP);
        System.out.printf(Locale.ROOT, "%s: starting %d consumer(s)...%n", Instant.now(), consumers);
        try (Deployment deployment = Deployment.start(setup, consumers)) {
            System.out.printf(Locale.ROOT, "%s: ready; %,d warm-up events, then %,d measured...%n", Instant.now(),
                    warmUp.size(), measured.size());
            Path profile = PROFILE ? Files.createDirectories(OUTPUT.resolve("profile-" + consumers + "c")) : null;
            ApplyRate.Result rate = ApplyRate.measure(deployment, warmUp, measured, TIMEOUT, profile);
            System.out.printf(Locale.ROOT, "%s: %,.0f events/s applied (published at %,.0f/s); checks %s%n", Instant.now(),
                    rate.eventsPerSecond(), rate.publishedPerSecond(), rate.check().correct() ? "OK" : "FAILED");
            profiles.append(rate.profile());
            if (reports.isEmpty() && rate.check().correct()) {
                System.out.printf(Locale.ROOT, "%s: report latency...%n", Instant.now());
                AnalyticsServiceProcess service = deployment.services().getFirst();
                FlightRecording recording = profile == null ? null
                        : FlightRecording.of(service.pid(), profile.resolve(service.name() + "-reports.jfr"));
                reports.addAll(ReportLatency.measure(service, COLD, CACHED, CLIENTS));
                if (recording != null) {
                    recording.stop();
                    profiles.append(recording.summarise(service.name() + " JVM, report latency (cold, then mostly cached requests)", 25));
                }
            }
            return rate;
        }
    }

    /** The previous run's logs, caches and recordings. */
    private static void clean(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(directory);
    }
}
