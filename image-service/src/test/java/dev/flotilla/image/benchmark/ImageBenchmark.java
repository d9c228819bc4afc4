package dev.flotilla.image.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.flotilla.image.ImageApi;
import dev.flotilla.image.ImageApi.User;
import dev.flotilla.testing.S3Engine;
import dev.flotilla.testing.S3ProxyServer;
import dev.flotilla.testing.TestJwtIssuer;

/**
 * Images processed per second and upload-to-READY latency: the packaged image-service in a JVM of its
 * own (by default with the run command's flags), against an S3Proxy object store and the test token
 * issuer in this JVM. For each worker count a fresh service (new SQLite file, new bucket) first
 * processes a few images of every size to warm up, then, for each size, takes a burst of uploads sent
 * back to back ({@link Burst}: images per second from the first upload to the last READY, and each
 * image's latency while the others queue) and then a few uploads one at a time (latency with an idle
 * queue). Alongside: the service's own mean job time ({@link JobTimes}), the CPU time of the service
 * and of this JVM per image, and the service's resident memory. It asserts nothing about speed; it
 * ends with status 1 if an image failed, an upload was refused or a burst timed out.
 *
 * <p>Run with {@code ./mvnw -DskipTests install && ./mvnw -pl image-service -Pbenchmark -DskipTests verify}.
 * System properties (the profile's defaults): {@code benchmark.jvm} (the service's JVM flags),
 * {@code benchmark.workers} ({@code 1,2}), {@code benchmark.images} (megapixels:uploads per burst,
 * {@code 1:20,4:10,12:6}), {@code benchmark.alone} (3 single uploads per size), {@code benchmark.warm-up}
 * (2 images per size), {@code benchmark.timeout} (120s per burst), {@code benchmark.jar},
 * {@code benchmark.output} ({@code image-service/target/benchmark}: the service's logs).
 */
public final class ImageBenchmark {

    /** The run command's flags (local-platform's ServiceProcess): C1 only, serial GC, 256 MB heap. */
    static final String RUN_COMMAND_FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m --enable-native-access=ALL-UNNAMED";
    static final List<String> FLAGS = Arrays.stream(System.getProperty("benchmark.jvm", RUN_COMMAND_FLAGS).trim()
            .split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
    private static final List<Integer> WORKERS = Arrays.stream(System.getProperty("benchmark.workers", "1,2").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private static final String IMAGES = System.getProperty("benchmark.images", "1:20,4:10,12:6");
    private static final int ALONE = Integer.getInteger("benchmark.alone", 3);
    private static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 2);
    private static final Duration TIMEOUT = Duration.parse("PT" + System.getProperty("benchmark.timeout", "120s")
            .toUpperCase(Locale.ROOT));
    private static final Path JAR = Path.of(System.getProperty("benchmark.jar", "target/image-service-0.1.0-SNAPSHOT.jar"));
    private static final Path OUTPUT = Path.of(System.getProperty("benchmark.output", "target/benchmark")).toAbsolutePath();
    private static final String ACCESS_KEY = "benchmark";
    private static final String SECRET_KEY = "benchmark-secret";

    /**
     * One size at one worker count; the CPU times are those of the burst.
     *
     * @param machineCpu of every process on the machine, the service and this JVM included
     */
    record Row(int workers, SamplePhoto photo, Burst.Result burst, Burst.Result alone, Duration jobMean,
            Duration serviceCpu, Duration harnessCpu, Duration machineCpu) {

        /** Cores the machine's other processes kept busy on average during the burst. */
        double otherCores() {
            Duration others = machineCpu.minus(serviceCpu).minus(harnessCpu);
            return burst.elapsed().isZero() ? Double.NaN : Math.max(0, others.toNanos()) / (double) burst.elapsed().toNanos();
        }
    }

    /** One service: its rows and its memory at the end ({@code VmRSS}, {@code VmHWM}, kB). */
    record ServiceRun(int workers, List<Row> rows, long residentKb, long peakKb) {
    }

    private ImageBenchmark() {
    }

    public static void main(String[] args) {
        // S3Proxy's threads would keep this JVM alive after a failure: end it either way.
        try {
            System.exit(run() ? 0 : 1);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static boolean run() throws Exception {
        clean(OUTPUT);
        List<SamplePhoto> photos = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (String size : IMAGES.split(",")) {
            String[] parts = size.trim().split(":");
            photos.add(SamplePhoto.of(Integer.parseInt(parts[0])));
            counts.add(Integer.parseInt(parts[1]));
        }
        System.out.print(BenchmarkReport.inputs(photos));
        List<ServiceRun> runs = new ArrayList<>();
        try (S3ProxyServer s3 = S3ProxyServer.start(OUTPUT.resolve("s3"), "127.0.0.1", 0, ACCESS_KEY, SECRET_KEY)) {
            for (int workers : WORKERS) {
                runs.add(measure(workers, photos, counts, s3.engine()));
            }
        }
        System.out.print(BenchmarkReport.table(runs, OUTPUT));
        return runs.stream().flatMap(run -> run.rows().stream())
                .allMatch(row -> row.burst().complete() && row.alone().complete());
    }

    private static ServiceRun measure(int workers, List<SamplePhoto> photos, List<Integer> counts, S3Engine s3)
            throws Exception {
        System.out.printf(Locale.ROOT, "Starting image-service with %d worker(s): %s%n", workers, String.join(" ", FLAGS));
        try (ImageServiceProcess service = ImageServiceProcess.start(JAR, FLAGS, environment(workers, s3),
                OUTPUT.resolve("image-service-" + workers + "-workers.log"))) {
            User user = ImageApi.newCustomer();
            Burst burst = new Burst(new ImageApi(service.port()), user, workers);
            for (SamplePhoto photo : photos) {
                System.out.printf(Locale.ROOT, "  warm-up: %d x %d MP%n", WARM_UP, photo.megapixels());
                burst.run(photo.jpeg(), WARM_UP, TIMEOUT);
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < photos.size(); i++) {
                rows.add(measure(service, burst, workers, photos.get(i), counts.get(i)));
            }
            return new ServiceRun(workers, rows, service.memoryKilobytes("VmRSS"), service.memoryKilobytes("VmHWM"));
        }
    }

    private static Row measure(ImageServiceProcess service, Burst burst, int workers, SamplePhoto photo, int count)
            throws InterruptedException {
        System.out.printf(Locale.ROOT, "  burst: %d x %d MP...%n", count, photo.megapixels());
        JobTimes jobs = JobTimes.of(service.prometheus());
        Duration serviceCpu = service.cpuTime();
        Duration harnessCpu = harnessCpu();
        MachineCpu machine = MachineCpu.now();
        Burst.Result measured = burst.run(photo.jpeg(), count, TIMEOUT);
        serviceCpu = service.cpuTime().minus(serviceCpu);
        harnessCpu = harnessCpu().minus(harnessCpu);
        Duration machineCpu = MachineCpu.now().since(machine);
        Duration jobMean = JobTimes.of(service.prometheus()).meanSince(jobs);
        System.out.printf(Locale.ROOT, "  alone: %d x %d MP, one at a time...%n", ALONE, photo.megapixels());
        List<Burst.Result> alone = new ArrayList<>();
        for (int i = 0; i < ALONE; i++) {
            alone.add(burst.run(photo.jpeg(), 1, TIMEOUT));
        }
        if (!service.alive()) {
            throw new IllegalStateException("image-service exited; see " + service.log());
        }
        return new Row(workers, photo, measured, merged(alone), jobMean, serviceCpu, harnessCpu, machineCpu);
    }

    private static Map<String, String> environment(int workers, S3Engine s3) {
        return Map.ofEntries(
                Map.entry("FLOTILLA_IMAGE_DB_PATH", OUTPUT.resolve("db-" + workers + "-workers/images.db").toString()),
                Map.entry("FLOTILLA_IMAGE_S3_ENDPOINT", s3.endpoint()),
                Map.entry("FLOTILLA_IMAGE_S3_REGION", S3Engine.REGION),
                Map.entry("FLOTILLA_IMAGE_S3_BUCKET", "image-benchmark-" + workers + "-workers"),
                Map.entry("FLOTILLA_IMAGE_S3_ACCESS_KEY", ACCESS_KEY),
                Map.entry("FLOTILLA_IMAGE_S3_SECRET_KEY", SECRET_KEY),
                Map.entry("FLOTILLA_IMAGE_S3_CREATE_BUCKET", "true"),
                Map.entry("FLOTILLA_IMAGE_WORKERS", Integer.toString(workers)),
                // Far above any burst: the benchmark measures the workers, not the admission limit.
                Map.entry("FLOTILLA_IMAGE_MAX_PENDING_JOBS", "100000"),
                Map.entry("FLOTILLA_JWKS_URI", TestJwtIssuer.shared().jwkSetUri()));
    }

    private static Burst.Result merged(List<Burst.Result> results) {
        return new Burst.Result(results.stream().mapToInt(Burst.Result::uploads).sum(),
                results.stream().flatMap(result -> result.latencies().stream()).toList(),
                results.stream().flatMap(result -> result.accepted().stream()).toList(),
                results.stream().mapToInt(Burst.Result::failed).sum(),
                results.stream().flatMap(result -> result.refusals().stream()).toList(),
                results.stream().map(Burst.Result::elapsed).reduce(Duration.ZERO, Duration::plus),
                results.stream().anyMatch(Burst.Result::timedOut));
    }

    /** CPU time of this JVM: S3Proxy, the token issuer's JWKS and the client threads. */
    private static Duration harnessCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The previous run's databases, objects and logs. */
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
