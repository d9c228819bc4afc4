package dev.flotilla.product.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flotilla.bare.BareEndpointApplication;
import dev.flotilla.product.ProductApi;
import dev.flotilla.product.ProductServiceApplication;
import dev.flotilla.testing.MongoEngine;
import dev.flotilla.testing.RedisEngine;
import dev.flotilla.testing.SharedEngines;
import dev.flotilla.testing.TestJwtIssuer;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/products/{id}} under load from wrk: answered by the near cache (the default), by
 * Redis alone (near cache off), and on every read a miss (the cache keeps entries for one
 * millisecond, so each request reads MongoDB and writes Redis), next to a bare Spring Boot endpoint
 * measured in the same run as the yardstick. Each server runs in a JVM of its own with the same flags,
 * by default those of the run command; the engines stay in this JVM. Prints requests per second,
 * p50/p90/p99 (medians of the rounds) and the server's CPU time per request, each as a ratio to the bare
 * endpoint, the share of reads that went to Redis, and the first scenario side by side with the bare
 * endpoint. Needs {@code wrk} on the PATH; run with
 * {@code ./mvnw -pl product-service -am -Pbenchmark -DskipTests verify}. System
 * properties: {@code benchmark.jvm} (flags of both servers; {@code {name}} becomes the server's name,
 * for log and recording files), {@code benchmark.scenarios} ({@code hit,hit-one,redis,miss}),
 * {@code benchmark.service-args} (more arguments of the service alone), {@code benchmark.connections},
 * {@code benchmark.warm-up}, {@code benchmark.duration}, {@code benchmark.rounds}.
 */
public final class ProductReadBenchmark {

    /** The run command's flags (local-platform's ServiceProcess): C1 only, serial GC, 256 MB heap. */
    static final String RUN_COMMAND_FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m";
    private static final int PRODUCTS = 1000;
    private static final String FLAGS = System.getProperty("benchmark.jvm", RUN_COMMAND_FLAGS);
    /** Extra arguments of the service only (not of the bare endpoint), e.g. to compare a setting. */
    private static final List<String> SERVICE_ARGUMENTS = Arrays.stream(System.getProperty("benchmark.service-args", "")
            .split("\\s+")).filter(argument -> !argument.isEmpty()).toList();
    private static final Set<String> SCENARIOS = Set.of(System.getProperty("benchmark.scenarios", "hit,hit-one,redis,miss")
            .split(","));
    private static final Wrk WRK = new Wrk(2, Integer.getInteger("benchmark.connections", 32),
            System.getProperty("benchmark.warm-up", "10s"), System.getProperty("benchmark.duration", "15s"),
            Integer.getInteger("benchmark.rounds", 3));
    private static final Pattern CACHE_READS = Pattern.compile(
            "(?m)^flotilla_product_cache_requests_total\\{[^}]*result=\"([a-z-]+)\"[^}]*} ([0-9.eE+]+)$");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ProductReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // The engines' threads would keep this JVM alive after a failure: end it either way.
        try {
            run();
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        MongoEngine mongo = SharedEngines.mongo();
        RedisEngine redis = SharedEngines.redis();
        Report report;
        try (ServerProcess bare = ServerProcess.start("bare", flags("bare"), BareEndpointApplication.class,
                "/api/products/ready", List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN"))) {
            report = new Report(bare.flags(), WRK.measure(bare, List.of("bare")));
        }
        if (SCENARIOS.contains("hit") || SCENARIOS.contains("hit-one")) {
            try (ServerProcess service = start(mongo, redis, "5m", "1s", "hit")) {
                List<String> ids = seed(service.port());
                scenario(report, "hit", "near-cache hit (1,000 products)", service, ids);
                scenario(report, "hit-one", "near-cache hit (one product)", service, ids.subList(0, 1));
            }
        }
        if (SCENARIOS.contains("redis")) {
            try (ServerProcess service = start(mongo, redis, "5m", "0s", "redis")) {
                scenario(report, "redis", "Redis hit, no near cache (1,000 products)", service, seed(service.port()));
            }
        }
        if (SCENARIOS.contains("miss")) {
            try (ServerProcess service = start(mongo, redis, "1ms", "0s", "miss")) {
                scenario(report, "miss", "cache miss (MongoDB read + Redis write)", service, seed(service.port()));
            }
        }
        System.out.println(report.print(WRK));
    }

    private static void scenario(Report report, String key, String title, ServerProcess service, List<String> ids)
            throws Exception {
        if (SCENARIOS.contains(key)) {
            Map<String, Double> before = cacheReads(service.port());
            Wrk.Summary summary = WRK.measure(service, ids);
            Map<String, Double> after = cacheReads(service.port());
            double redis = after.get("hit") - before.get("hit") + after.get("miss") - before.get("miss");
            double all = redis + after.get("near-hit") - before.get("near-hit");
            report.add(title, service.flags(), summary, String.format(Locale.ROOT,
                    "%s: %.1f %% of the reads passed the near cache to Redis (warm-up included)", title, 100 * redis / all));
        }
    }

    /** The service's {@code flotilla.product.cache.requests} counters by result, from its Prometheus endpoint. */
    private static Map<String, Double> cacheReads(int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build();
        String metrics = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> counts = new HashMap<>(Map.of("near-hit", 0.0, "hit", 0.0, "miss", 0.0));
        Matcher matcher = CACHE_READS.matcher(metrics);
        while (matcher.find()) {
            counts.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        return counts;
    }

    private static List<String> flags(String name) {
        return Arrays.stream(FLAGS.trim().split("\\s+")).filter(flag -> !flag.isEmpty())
                .map(flag -> flag.replace("{name}", name)).toList();
    }

    private static ServerProcess start(MongoEngine mongo, RedisEngine redis, String cacheTtl, String nearCacheTtl,
            String name) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--spring.mongodb.uri=" + mongo.uri("benchmark_" + name),
                "--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
                "--spring.data.redis.database=" + redis.allocateDatabase(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestJwtIssuer.shared().jwkSetUri(),
                "--flotilla.product.cache-ttl=" + cacheTtl, "--flotilla.product.near-cache-ttl=" + nearCacheTtl,
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        arguments.addAll(SERVICE_ARGUMENTS);
        return ServerProcess.start(name, flags(name), ProductServiceApplication.class, "/actuator/health/readiness",
                arguments);
    }

    private static List<String> seed(int port) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/products"))
                    .header("Authorization", "Bearer " + ProductApi.ADMIN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(ProductApi.book("Benchmark book " + i,
                            "12.50", 100)))).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            ids.add(JSON.readTree(response.body()).get("id").asString());
        }
        return ids;
    }
}
