package dev.flotilla.analytics.report;

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
import dev.flotilla.order.events.OrderCancelled;
import dev.flotilla.order.events.OrderEventLine;
import dev.flotilla.order.events.OrderPlaced;
import dev.flotilla.order.events.OrderTotals;
import dev.flotilla.testing.TestJwtIssuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports over a small, hand-computed set of orders: two days, two countries, two categories, one
 * cancellation.
 */
@AnalyticsServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportTests {

    private static final String BOOTS = "aaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String SCARF = "bbbbbbbbbbbbbbbbbbbbbbbb";
    private static final String LAMP = "cccccccccccccccccccccccc";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @LocalServerPort
    int port;
    @Autowired
    SalesAggregates aggregates;

    final HttpClient http = HttpClient.newHttpClient();
    final String admin = TestJwtIssuer.shared().token(UUID.randomUUID().toString(), "ADMIN");

    @BeforeAll
    void orders() {
        // Dec 1: DE boots 2 x 50 + scarf 1 x 20 = 120; FR lamp 1 x 30. Dec 2: DE lamp 3 x 30 = 90, then cancelled.
        apply(order("DE", "2026-12-01T09:00:00Z", line(BOOTS, "fashion", 2, "50.00"), line(SCARF, "fashion", 1, "20.00")));
        apply(order("FR", "2026-12-01T23:59:59Z", line(LAMP, "home", 1, "30.00")));
        OrderPlaced cancelled = order("DE", "2026-12-02T00:00:00Z", line(LAMP, "home", 3, "30.00"));
        apply(cancelled);
        aggregates.apply(UUID.randomUUID(), new OrderCancelled(cancelled.orderId(), cancelled.userId(), "DE", "EUR",
                cancelled.lines(), cancelled.totals(), cancelled.totalsEur(), Instant.parse("2026-12-05T10:00:00Z"), "customer"));
        apply(order("DE", "2026-12-02T12:00:00Z", line(SCARF, "fashion", 2, "20.00")));
    }

    @Test
    void salesByDayCountEachOrderOnceAndSubtractCancellations() {
        JsonNode report = get("/api/analytics/sales?from=2026-12-01&to=2026-12-02&groupBy=day");

        assertThat(rows(report)).containsExactly("2026-12-01 2 4 150.00", "2026-12-02 1 2 40.00");
    }

    @Test
    void salesByCategoryCountryAndProduct() {
        assertThat(rows(get("/api/analytics/sales?from=2026-12-01&to=2026-12-02&groupBy=category")))
                .containsExactly("fashion 2 5 160.00", "home 1 1 30.00");
        assertThat(rows(get("/api/analytics/sales?from=2026-12-01&to=2026-12-01&groupBy=country")))
                .containsExactly("DE 1 3 120.00", "FR 1 1 30.00");
        assertThat(rows(get("/api/analytics/sales?from=2026-12-01&to=2026-12-02&groupBy=product")))
                .containsExactly(BOOTS + " 1 2 100.00", SCARF + " 2 3 60.00", LAMP + " 1 1 30.00");
    }

    @Test
    void topProductsByRevenue() {
        assertThat(rows(get("/api/analytics/top-products?from=2026-12-01&to=2026-12-31&limit=2")))
                .containsExactly(BOOTS + " 1 2 100.00", SCARF + " 2 3 60.00");
    }

    @Test
    void revenueIsConvertedWithTheReferenceRatesToTheCurrencysMinorUnits() {
        JsonNode yen = get("/api/analytics/sales?from=2026-12-01&to=2026-12-01&groupBy=day&currency=JPY");

        assertThat(yen.get("currency").asString()).isEqualTo("JPY");
        assertThat(yen.at("/rows/0/revenue").decimalValue().scale()).isZero();
        assertThat(yen.at("/rows/0/revenue").decimalValue()).isGreaterThan(new BigDecimal("15000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=2026-13-01&to=2026-12-02", "from=yesterday&to=2026-12-02", "to=2026-12-02",
            "from=2026-12-03&to=2026-12-02", "from=2020-01-01&to=2026-12-02", "from=2026-12-01&to=2026-12-02&groupBy=week",
            "from=2026-12-01&to=2026-12-02&currency=XXX", "from=2026-12-01&to=2026-12-02&currency=%27%3B--"})
    void badQueriesAreProblemsThatSayWhatIsWrong(String query) throws Exception {
        HttpResponse<String> response = send("/api/analytics/sales?" + query, admin);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(response.body()).contains("errors");
    }

    @Test
    void topProductsRefuseALimitOutOfBounds() throws Exception {
        assertThat(send("/api/analytics/top-products?from=2026-12-01&to=2026-12-02&limit=0", admin).statusCode()).isEqualTo(400);
        assertThat(send("/api/analytics/top-products?from=2026-12-01&to=2026-12-02&limit=101", admin).statusCode()).isEqualTo(400);
        assertThat(send("/api/analytics/top-products?from=2026-12-01&to=2026-12-02&limit=ten", admin).statusCode()).isEqualTo(400);
    }

    @Test
    void reportsAreTheAdminsOnly() throws Exception {
        String customer = TestJwtIssuer.shared().token(UUID.randomUUID().toString(), "CUSTOMER");

        assertThat(send("/api/analytics/live", customer).statusCode()).isEqualTo(403);
        assertThat(send("/api/analytics/live", null).statusCode()).isEqualTo(401);
        assertThat(send("/api/analytics/live", admin).statusCode()).isEqualTo(200);
    }

    private static List<String> rows(JsonNode report) {
        return report.get("rows").valueStream().map(row -> row.get("key").asString() + " " + row.get("orders").asLong() + " "
                + row.get("units").asLong() + " " + row.get("revenue").decimalValue().toPlainString()).toList();
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = send(path, admin);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> send(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void apply(OrderPlaced order) {
        aggregates.apply(UUID.randomUUID(), order);
    }

    private static OrderEventLine line(String product, String category, int quantity, String price) {
        return new OrderEventLine(product, category, quantity, new BigDecimal(price), new BigDecimal(price));
    }

    private static OrderPlaced order(String country, String at, OrderEventLine... lines) {
        BigDecimal subtotal = List.of(lines).stream().map(l -> l.unitPriceEur().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        OrderTotals totals = new OrderTotals(subtotal, BigDecimal.ZERO, subtotal);
        return new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), country, "EUR", List.of(lines), totals, totals,
                Instant.parse(at));
    }
}
