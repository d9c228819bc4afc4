package dev.flotilla.product.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flotilla.bare.BareEndpointApplication;
import dev.flotilla.product.ProductApi;
import dev.flotilla.product.ProductServiceApplication;
import dev.flotilla.testing.MongoEngine;
import dev.flotilla.testing.RedisEngine;
import dev.flotilla.testing.SharedEngines;
import dev.flotilla.testing.TestJwtIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/products/{id}} under load from wrk: answered by the near cache (the default), by
 * Redis alone (near cache off), and on every read a miss (the cache keeps entries for one
 * millisecond, so each request reads MongoDB and writes Redis),
 * next to a bare Spring Boot endpoint measured in the same run as the yardstick. Prints requests per
 * second, the 99th percentile and the share of the bare endpoint's throughput. Needs {@code wrk} on
 * the PATH; run with {@code ./mvnw -pl product-service -am -Pbenchmark -DskipTests verify}.
 */
public final class ProductReadBenchmark {

    private static final int PRODUCTS = 1000;
    private static final String DURATION = System.getProperty("benchmark.duration", "20s");
    private static final String CONNECTIONS = System.getProperty("benchmark.connections", "64");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ProductReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        MongoEngine mongo = SharedEngines.mongo();
        RedisEngine redis = SharedEngines.redis();
        List<String> results = new ArrayList<>();
        double bare;
        try (ConfigurableApplicationContext yardstick = new SpringApplicationBuilder(BareEndpointApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            int port = port(yardstick);
            wrk(port, List.of("warm-up"), "30s");
            String output = wrk(port, List.of("bare"), DURATION);
            bare = Double.parseDouble(find(output, "Requests/sec:\\s+([0-9.]+)"));
            results.add(row("bare Spring Boot endpoint (yardstick)", output, bare));
        }
        try (ConfigurableApplicationContext service = start(mongo, redis, "5m", "1s", "hit")) {
            int port = port(service);
            List<String> ids = seed(port);
            // The JIT needs about half a minute of load before the figures settle on two cores.
            wrk(port, ids, "30s");
            results.add(row("near-cache hit (one product)", wrk(port, ids.subList(0, 1), DURATION), bare));
            results.add(row("near-cache hit (1,000 products)", wrk(port, ids, DURATION), bare));
        }
        try (ConfigurableApplicationContext service = start(mongo, redis, "5m", "0s", "redis")) {
            int port = port(service);
            List<String> ids = seed(port);
            wrk(port, ids, "30s");
            results.add(row("Redis hit, no near cache (1,000 products)", wrk(port, ids, DURATION), bare));
        }
        try (ConfigurableApplicationContext service = start(mongo, redis, "1ms", "0s", "miss")) {
            int port = port(service);
            List<String> ids = seed(port);
            wrk(port, ids, "15s");
            results.add(row("cache miss (MongoDB read + Redis write)", wrk(port, ids, DURATION), bare));
        }
        System.out.printf("%n%-44s %12s %10s %8s%n", "GET /api/products/{id}", "requests/s", "p99", "of bare");
        results.forEach(System.out::println);
        System.out.printf("(wrk -t2 -c%s -d%s after 30 s of warm-up, %d cores, Java %s, %s)%n", CONNECTIONS, DURATION,
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(MongoEngine mongo, RedisEngine redis, String cacheTtl,
            String nearCacheTtl, String name) {
        return new SpringApplicationBuilder(ProductServiceApplication.class).run("--server.port=0",
                "--spring.mongodb.uri=" + mongo.uri("benchmark_" + name), "--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + redis.port(), "--spring.data.redis.database=" + redis.allocateDatabase(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestJwtIssuer.shared().jwkSetUri(),
                "--flotilla.product.cache-ttl=" + cacheTtl, "--flotilla.product.near-cache-ttl=" + nearCacheTtl,
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
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

    /** Runs wrk over the given products in turn; returns its output. */
    private static String wrk(int port, List<String> ids, String duration) throws IOException, InterruptedException {
        Path script = Files.createTempFile("product-ids", ".lua");
        try {
            Files.writeString(script, "ids = {" + String.join(",", ids.stream().map(id -> "\"" + id + "\"").toList())
                    + "}\ni = 0\nrequest = function()\n  i = i % #ids + 1\n  return wrk.format(\"GET\", \"/api/products/\" .. ids[i])\nend\n");
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + CONNECTIONS, "-d" + duration, "--latency", "-s", script.toString(),
                    "http://127.0.0.1:" + port).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes());
            wrk.waitFor();
            if (output.contains("Non-2xx")) {
                throw new IllegalStateException("some requests failed:\n" + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static String row(String name, String wrkOutput, double bare) {
        double rate = Double.parseDouble(find(wrkOutput, "Requests/sec:\\s+([0-9.]+)"));
        return "%-44s %12.0f %10s %7.0f%%".formatted(name, rate, find(wrkOutput, "99%\\s+([0-9.]+[a-z]+)"), 100 * rate / bare);
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher.group(1) : "?";
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
