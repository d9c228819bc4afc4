package dev.flotilla.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flotilla.testing.TestJwtIssuer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the reports API serves an admin, to hold the page against. */
final class ReportsApi {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String admin = TestJwtIssuer.shared().token(UUID.randomUUID().toString(), "ADMIN");

    ReportsApi(String base) {
        this.base = base;
    }

    /** A report row as the page shows it: key, orders, units, revenue with the currency's decimals. */
    record Row(String key, long orders, long units, BigDecimal revenue) {

        static Row none(String key, int decimals) {
            return new Row(key, 0, 0, BigDecimal.ZERO.setScale(decimals));
        }

        Row plus(Row other) {
            return new Row(key, orders + other.orders, units + other.units, revenue.add(other.revenue));
        }

        String line() {
            return key + " " + orders + " " + units + " " + revenue.toPlainString();
        }
    }

    /** Today's live counters, as the page shows them. */
    record Live(long orders, BigDecimal revenueEur, long uniqueBuyers) {
    }

    /** Sales by day, keyed by day, without the days that had none. */
    Map<String, Row> salesByDay(LocalDate from, LocalDate to, String currency) {
        Map<String, Row> days = new LinkedHashMap<>();
        rows(get("/api/analytics/sales?groupBy=day&from=" + from + "&to=" + to + "&currency=" + currency))
                .forEach(row -> days.put(row.key(), row));
        return days;
    }

    List<Row> topProducts(LocalDate from, LocalDate to, String currency) {
        return rows(get("/api/analytics/top-products?limit=10&from=" + from + "&to=" + to + "&currency=" + currency));
    }

    Live live() {
        JsonNode live = get("/api/analytics/live");
        return new Live(live.get("orders").asLong(), live.get("revenueEur").decimalValue().setScale(2),
                live.get("uniqueBuyers").asLong());
    }

    private static List<Row> rows(JsonNode report) {
        return report.get("rows").valueStream().map(row -> new Row(row.get("key").asString(), row.get("orders").asLong(),
                row.get("units").asLong(), row.get("revenue").decimalValue())).toList();
    }

    private JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + admin).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot read " + path, e);
        }
    }
}
