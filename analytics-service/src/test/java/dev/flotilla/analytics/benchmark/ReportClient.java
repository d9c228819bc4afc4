package dev.flotilla.analytics.benchmark;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import dev.flotilla.testing.TestJwtIssuer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin calling the reports over HTTP/1.1 with keep-alive: one at a time or from several clients at
 * once, timing every request. Any answer but 200 ends the benchmark.
 */
final class ReportClient {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String token = TestJwtIssuer.shared().token(UUID.randomUUID().toString(), "ADMIN");
    private final AnalyticsServiceProcess service;

    ReportClient(AnalyticsServiceProcess service) {
        this.service = service;
    }

    /**
     * Timed requests: {@code clients} at once, request {@code i} asking for {@code path.apply(i)}.
     *
     * @param elapsed from the first request sent to the last answer
     */
    record Timings(int clients, long[] nanos, Duration elapsed) {

        double percentileMillis(double percent) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(percent / 100 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }

        double perSecond() {
            return nanos.length / (elapsed.toNanos() / 1e9);
        }
    }

    Timings time(int requests, int clients, IntFunction<String> path) throws InterruptedException {
        long[] nanos = new long[requests];
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int first = client;
                running.add(pool.submit(() -> {
                    for (int i = first; i < requests; i += clients) {
                        long sent = System.nanoTime();
                        get(path.apply(i));
                        nanos[i] = System.nanoTime() - sent;
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a report request failed: " + e.getCause().getMessage(), e.getCause());
        }
        return new Timings(clients, nanos, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Net orders and revenue of a range from its country report, as {@code dev.flotilla.analytics.TestOrders#netTotals} writes them. */
    String totals(String from, String to) throws IOException, InterruptedException {
        JsonNode report = JSON.readTree(get("/api/analytics/sales?from=" + from + "&to=" + to + "&groupBy=country"));
        long orders = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (JsonNode row : report.get("rows")) {
            orders += row.get("orders").asLong();
            revenue = revenue.add(row.get("revenue").decimalValue());
        }
        return orders + " orders, " + revenue.setScale(2) + " EUR";
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(String.format(Locale.ROOT, "GET %s answered %d: %s", path, response.statusCode(),
                    response.body()));
        }
        return response.body();
    }
}
