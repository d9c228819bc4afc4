package dev.flotilla.analytics.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flotilla.analytics.AnalyticsServiceTest;
import dev.flotilla.analytics.TestOrders;
import dev.flotilla.analytics.aggregate.Dimension;
import dev.flotilla.analytics.cache.ReportCache;
import dev.flotilla.analytics.aggregate.Generation;
import dev.flotilla.analytics.aggregate.Generations;
import dev.flotilla.analytics.aggregate.SalesAggregates;
import dev.flotilla.analytics.consumer.ConsumerProperties;
import dev.flotilla.analytics.consumer.OrderEventConsumer;
import dev.flotilla.testing.TestJwtIssuer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Backfills against real Redis and the Mongo wire server: equal to the live aggregation, also while events flow. */
@AnalyticsServiceTest
class BackfillTests {

    private static final Instant NOV_20 = Instant.parse("2026-11-20T00:00:00Z");
    private static final String ALL_DAYS = "from=2026-11-20&to=2026-12-05";

    @LocalServerPort
    int port;
    @Autowired
    Backfill backfill;
    @Autowired
    Generations generations;
    @Autowired
    OrderEventConsumer consumer;
    @Autowired
    ConsumerProperties stream;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ReportCache cache;
    @Autowired
    SalesAggregates aggregates;

    final HttpClient http = HttpClient.newHttpClient();
    final String admin = TestJwtIssuer.shared().token(UUID.randomUUID().toString(), "ADMIN");

    @BeforeEach
    void empty() {
        redis.delete(stream.streamKey());
        mongo.getCollectionNames().forEach(mongo::dropCollection);
        cache.clear();
    }

    @Test
    void aBackfillRebuildsExactlyWhatTheConsumerAggregatedAndSwapsItIn() throws Exception {
        List<TestOrders.Published> events = new TestOrders(1, NOV_20, 14).events(150);
        for (TestOrders.Published event : events) {
            TestOrders.publish(redis, stream.streamKey(), event);
        }
        // A duplicate publication and a message that is no event: neither may change the rebuilt figures.
        TestOrders.publish(redis, stream.streamKey(), events.get(7));
        redis.opsForStream().add(org.springframework.data.redis.connection.stream.StreamRecords
                .string(Map.of("event", "{not json")).withStreamKey(stream.streamKey()));
        drain();
        Map<String, String> live = snapshot(new Generation(0));
        String report = get("/api/analytics/sales?" + ALL_DAYS + "&groupBy=country").body();

        Generation rebuilt = backfill.runNow();

        assertThat(rebuilt).isEqualTo(new Generation(1));
        assertThat(generations.current().active()).isEqualTo(rebuilt);
        assertThat(snapshot(rebuilt)).isEqualTo(live).isEqualTo(appliedAtOnce(events)).hasSizeGreaterThan(100);
        assertThat(get("/api/analytics/sales?" + ALL_DAYS + "&groupBy=country").body()).isEqualTo(report);
        assertThat(totals()).isEqualTo(TestOrders.netTotals(events));
        Generations.State state = generations.state();
        assertThat(state.last()).isEqualTo("completed");
        assertThat(state.lastProgress().read()).isEqualTo(events.size() + 2);
        assertThat(state.lastProgress().applied()).isEqualTo(events.size());
        assertThat(state.lastProgress().malformed()).isEqualTo(1);

        backfill.runNow();
        assertThat(mongo.collectionExists(Dimension.COUNTRY.collection())).as("generation 0 dropped by the next backfill").isFalse();
        assertThat(snapshot(new Generation(2))).isEqualTo(live);
    }

    @Test
    void eventsPublishedWhileABackfillRunsAreInTheGenerationItSwapsIn() throws Exception {
        TestOrders orders = new TestOrders(2, NOV_20, 14);
        List<TestOrders.Published> events = new ArrayList<>(orders.events(300));
        events.forEach(event -> TestOrders.publish(redis, stream.streamKey(), event));
        drain();
        List<TestOrders.Published> later = orders.events(300);
        events.addAll(later);

        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicInteger reportsDuring = new AtomicInteger();
        CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> {
            for (TestOrders.Published event : later) {
                TestOrders.publish(redis, stream.streamKey(), event);
            }
            publishing.set(false);
        });
        CompletableFuture<Void> consuming = CompletableFuture.runAsync(() -> {
            while (publishing.get() || consumer.pollOnce() > 0) {
                consumer.pollOnce();
            }
        });
        HttpResponse<String> started = post("/api/analytics/backfill", admin);
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location")).hasValue("/api/analytics/backfill");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (generations.state().building() != null && Instant.now().isBefore(deadline)) {
            HttpResponse<String> during = get("/api/analytics/sales?" + ALL_DAYS + "&groupBy=day");
            assertThat(during.statusCode()).as(during.body()).isEqualTo(200);
            reportsDuring.incrementAndGet();
        }
        publisher.get();
        consuming.get();
        drain();

        assertThat(generations.state().last()).isEqualTo("completed");
        assertThat(generations.current().active()).isEqualTo(new Generation(1));
        assertThat(reportsDuring).as("reports answered while it ran").hasPositiveValue();
        assertThat(totals()).isEqualTo(TestOrders.netTotals(events));
        // After the swap, consumers write to generation 1 only: compare it with every event applied at once.
        assertThat(snapshot(new Generation(1))).isEqualTo(appliedAtOnce(events));
    }

    /** The buckets every event gives when applied in one batch to a generation of their own. */
    private Map<String, String> appliedAtOnce(List<TestOrders.Published> events) {
        Generation reference = new Generation(900);
        aggregates.applyTo(reference, events.stream().map(e -> new SalesAggregates.Delivery(e.id(), e.event())).toList());
        return snapshot(reference);
    }

    @Test
    void onlyOneBackfillRunsAtATimeAndOnlyAdminsStartOne() throws Exception {
        Generation claimed = generations.beginBuilding(Instant.now(), Duration.ofMinutes(2)).orElseThrow();
        try {
            HttpResponse<String> conflict = post("/api/analytics/backfill", admin);
            assertThat(conflict.statusCode()).isEqualTo(409);
            assertThat(conflict.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(conflict.body()).contains("a backfill is running");
            assertThat(get("/api/analytics/backfill").body()).contains("\"building\":{\"number\":" + claimed.number() + "}");
        } finally {
            generations.abandon(claimed, Instant.now(), Generations.Progress.NONE, "test");
        }
        String customer = TestJwtIssuer.shared().token(UUID.randomUUID().toString(), "CUSTOMER");
        assertThat(post("/api/analytics/backfill", customer).statusCode()).isEqualTo(403);
        assertThat(post("/api/analytics/backfill", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aBackfillWhoseInstanceDiedIsTakenOverOnceItsHeartbeatIsStale() {
        Generation dead = generations.beginBuilding(Instant.now().minus(Duration.ofMinutes(5)), Duration.ofMinutes(2)).orElseThrow();

        assertThat(generations.beginBuilding(Instant.now().minus(Duration.ofMinutes(4)), Duration.ofMinutes(2))).isEmpty();
        Generation rebuilt = backfill.runNow();

        assertThat(rebuilt.number()).isGreaterThan(dead.number());
        assertThat(generations.heartbeat(dead, Instant.now(), Generations.Progress.NONE)).isFalse();
        assertThat(generations.current()).isEqualTo(new Generations.Targets(rebuilt, null));
    }

    /** Reads and applies until the stream has nothing left for the group. */
    private void drain() {
        while (consumer.pollOnce() > 0) {
            // next round
        }
    }

    /** Every bucket of a generation: its id and figures (not its event markers). */
    private Map<String, String> snapshot(Generation generation) {
        Map<String, String> buckets = new TreeMap<>();
        for (Dimension dimension : Dimension.values()) {
            for (Document bucket : mongo.findAll(Document.class, generation.collection(dimension))) {
                BigDecimal revenue = bucket.get("revenueEur", Decimal128.class).bigDecimalValue();
                buckets.put(dimension + " " + bucket.getString("_id"), bucket.get("orders") + " " + bucket.get("units") + " "
                        + revenue.setScale(2));
            }
        }
        return buckets;
    }

    /** Net orders and revenue of the whole range, from the country report. */
    private String totals() throws IOException, InterruptedException {
        String body = get("/api/analytics/sales?" + ALL_DAYS + "&groupBy=country").body();
        tools.jackson.databind.JsonNode report = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readTree(body);
        long orders = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (tools.jackson.databind.JsonNode row : report.get("rows")) {
            orders += row.get("orders").asLong();
            revenue = revenue.add(row.get("revenue").decimalValue());
        }
        return orders + " orders, " + revenue.setScale(2) + " EUR";
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
