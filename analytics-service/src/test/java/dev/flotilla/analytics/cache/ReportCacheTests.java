package dev.flotilla.analytics.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.flotilla.analytics.AnalyticsServiceTest;
import dev.flotilla.analytics.aggregate.SalesAggregates;
import dev.flotilla.analytics.backfill.Backfill;
import dev.flotilla.order.events.OrderEventLine;
import dev.flotilla.order.events.OrderPlaced;
import dev.flotilla.order.events.OrderTotals;
import dev.flotilla.testing.TestJwtIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The report cache in its SQLite file: kept per query, invalidated by the events that touch its days, bounded. */
@AnalyticsServiceTest
@TestPropertySource(properties = "flotilla.analytics.cache.max-entries=5")
class ReportCacheTests {

    private static final String DEC_1_TO_2 = "/api/analytics/sales?from=2026-12-01&to=2026-12-02&groupBy=country";

    @LocalServerPort
    int port;
    @Autowired
    SalesAggregates aggregates;
    @Autowired
    ReportCache cache;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Backfill backfill;

    final HttpClient http = HttpClient.newHttpClient();
    final String admin = TestJwtIssuer.shared().token(UUID.randomUUID().toString(), "ADMIN");

    final java.util.Map<String, Double> baseline = new java.util.HashMap<>();

    @BeforeEach
    void empty() {
        mongo.getCollectionNames().forEach(mongo::dropCollection);
        cache.clear();
        for (String result : List.of("hit", "miss", "stale")) {
            baseline.put(result, meters.get("flotilla.analytics.report.cache").tag("result", result).counter().count());
        }
    }

    @Test
    void aReportIsComputedOnceAndServedFromTheFileUntilAnEventTouchesItsDays() throws Exception {
        place("2026-12-01T10:00:00Z", "40.00");

        String first = get(DEC_1_TO_2);
        assertThat(count("miss")).isEqualTo(1);
        assertThat(get(DEC_1_TO_2)).isEqualTo(first);
        assertThat(count("hit")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT body FROM report_cache WHERE query LIKE 'sales?from=2026-12-01&to=2026-12-02%'")
                .query(String.class).single()).contains("\"revenue\":40.00");

        // Outside the range: the entry stays good.
        place("2026-12-03T10:00:00Z", "7.00");
        place("2026-11-30T23:59:59Z", "7.00");
        assertThat(get(DEC_1_TO_2)).isEqualTo(first);
        assertThat(count("hit")).isEqualTo(2);

        // Inside the range: recomputed, with the new order.
        place("2026-12-02T08:00:00Z", "2.50");
        String after = get(DEC_1_TO_2);
        assertThat(count("stale")).isEqualTo(1);
        assertThat(after).contains("\"orders\":2").contains("\"revenue\":42.50");
        assertThat(get(DEC_1_TO_2)).isEqualTo(after);
        assertThat(count("hit")).isEqualTo(3);
    }

    @Test
    void everyQueryHasItsEntryAndTheLeastRecentlyReadGoFirst() throws Exception {
        place("2026-12-01T10:00:00Z", "40.00");

        assertThat(get(DEC_1_TO_2)).isNotEqualTo(get(DEC_1_TO_2 + "&currency=JPY"));
        get("/api/analytics/top-products?from=2026-12-01&to=2026-12-02&limit=3");
        get("/api/analytics/top-products?from=2026-12-01&to=2026-12-02&limit=4");
        assertThat(cache.size()).isEqualTo(4);

        for (int day = 10; day < 20; day++) {
            get("/api/analytics/sales?from=2026-12-01&to=2026-12-" + day);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(5);
        // A bad query is answered 400 and never cached.
        long before = cache.size();
        assertThat(status(DEC_1_TO_2 + "&currency=XXX")).isEqualTo(400);
        assertThat(cache.size()).isEqualTo(before);
    }

    @Test
    void aSwappedInGenerationInvalidatesEveryEntry() throws Exception {
        place("2026-12-01T10:00:00Z", "40.00");
        get(DEC_1_TO_2);
        double stale = count("stale");

        backfill.runNow();

        // The stream is empty here, so the rebuilt generation is too: the cached 40.00 must not be served.
        assertThat(get(DEC_1_TO_2)).contains("\"rows\":[]");
        assertThat(count("stale")).isEqualTo(stale + 1);
    }

    /** Reads by what the cache did, since the test began. */
    private double count(String result) {
        return meters.get("flotilla.analytics.report.cache").tag("result", result).counter().count() - baseline.get(result);
    }

    private void place(String at, String price) {
        BigDecimal amount = new BigDecimal(price);
        OrderTotals totals = new OrderTotals(amount, BigDecimal.ZERO, amount);
        aggregates.apply(UUID.randomUUID(), new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), "DE", "EUR",
                List.of(new OrderEventLine("dddddddddddddddddddddddd", "toys", 1, amount, amount)), totals, totals,
                Instant.parse(at)));
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private int status(String path) throws IOException, InterruptedException {
        return send(path).statusCode();
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
    }
}
