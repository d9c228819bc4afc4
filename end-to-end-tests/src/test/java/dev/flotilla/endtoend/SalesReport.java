package dev.flotilla.endtoend;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What analytics-service must report for some products, worked out from the orders the customers
 * hold, and the wait until its report by product says exactly that.
 */
final class SalesReport {

    /**
     * How long the events may take to arrive: a consumer killed with messages in hand leaves them to be
     * claimed after {@code claim-after} (30 s).
     */
    private static final Duration ARRIVAL_WAIT = Duration.ofSeconds(90);
    /** After the report matched: long enough for an event counted twice to show. */
    private static final Duration HOLD = Duration.ofSeconds(3);

    /** One row of the report by product. */
    record Totals(long orders, long units, BigDecimal revenue) {

        /** 250.00 and 250.000 are the same revenue. */
        Totals {
            revenue = revenue.stripTrailingZeros();
        }

        static final Totals NONE = new Totals(0, 0, BigDecimal.ZERO);

        Totals plus(long units, BigDecimal revenue) {
            return new Totals(orders + 1, this.units + units, this.revenue.add(revenue));
        }

        @Override
        public String toString() {
            return orders + " orders, " + units + " units, EUR " + revenue.toPlainString();
        }
    }

    private SalesReport() {
    }

    /**
     * The totals by product of these orders (in euros, as the shop's checkout places them) that count:
     * placed ones; a cancelled order was placed and taken back, so it adds nothing. Every product of
     * {@code products} has a row, zero if no counted order has it.
     */
    static Map<String, Totals> expected(Collection<String> products, Collection<JsonNode> orders) {
        Map<String, Totals> totals = new TreeMap<>();
        products.forEach(product -> totals.put(product, Totals.NONE));
        for (JsonNode order : orders) {
            assertThat(order.get("currency").asString()).isEqualTo("EUR");
            String status = order.get("status").asString();
            assertThat(status).as("order %s", order.get("id")).isIn("PLACED", "CANCELLED");
            if (status.equals("CANCELLED")) {
                continue;
            }
            for (JsonNode line : order.get("lines")) {
                String product = line.get("productId").asString();
                if (totals.containsKey(product)) {
                    totals.put(product, totals.get(product).plus(line.get("quantity").asLong(),
                            new BigDecimal(line.get("lineTotal").asString())));
                }
            }
        }
        return totals;
    }

    /** Waits until the report by product (in euros, yesterday and today, UTC) shows exactly these totals, and still does a little later. */
    static void awaitExactly(ShopClient admin, Map<String, Totals> expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + ARRIVAL_WAIT.toNanos();
        Map<String, Totals> reported = report(admin, expected.keySet());
        while (!reported.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            reported = report(admin, expected.keySet());
        }
        assertThat(reported).as("analytics-service's sales by product").isEqualTo(expected);
        Thread.sleep(HOLD.toMillis());
        assertThat(report(admin, expected.keySet())).as("analytics-service's sales by product, %s later", HOLD)
                .isEqualTo(expected);
    }

    /** The rows of these products; a product without a row has sold nothing. */
    private static Map<String, Totals> report(ShopClient admin, Collection<String> products) throws IOException, InterruptedException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode report = admin.get("/api/analytics/sales?groupBy=product&currency=EUR&from=" + today.minusDays(1)
                + "&to=" + today).body(200);
        Map<String, Totals> rows = new HashMap<>();
        products.forEach(product -> rows.put(product, Totals.NONE));
        for (JsonNode row : report.get("rows")) {
            String product = row.get("key").asString();
            if (rows.containsKey(product)) {
                rows.put(product, new Totals(row.get("orders").asLong(), row.get("units").asLong(),
                        new BigDecimal(row.get("revenue").asString())));
            }
        }
        return new TreeMap<>(rows);
    }
}
