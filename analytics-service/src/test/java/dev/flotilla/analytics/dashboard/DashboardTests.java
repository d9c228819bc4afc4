package dev.flotilla.analytics.dashboard;

import static dev.flotilla.analytics.dashboard.StandInLogin.ADMIN_EMAIL;
import static dev.flotilla.analytics.dashboard.StandInLogin.ADMIN_PASSWORD;
import static dev.flotilla.analytics.dashboard.StandInLogin.CUSTOMER_EMAIL;
import static dev.flotilla.analytics.dashboard.StandInLogin.CUSTOMER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flotilla.analytics.AnalyticsServiceTest;
import dev.flotilla.analytics.aggregate.SalesAggregates;
import dev.flotilla.analytics.dashboard.ReportsApi.Row;
import dev.flotilla.analytics.live.LiveCounters;
import dev.flotilla.order.events.OrderEventLine;
import dev.flotilla.order.events.OrderPlaced;
import dev.flotilla.order.events.OrderTotals;
import dev.flotilla.reference.ReferenceData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The dashboard in a real browser (headless chromium), logged in through a stand-in for the
 * gateway's login route. Other test classes share the stores, so the page is held against what the
 * API serves at the same moment, and against the figures before this class's orders plus those orders.
 */
@ExtendWith(Browser.Installed.class)
@AnalyticsServiceTest
@Import(StandInLogin.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTests {

    // Products only this class sells.
    private static final String KETTLE = "da5b0a4d00000000000000a1";
    private static final String TEAPOT = "da5b0a4d00000000000000a2";
    private static final String MUG = "da5b0a4d00000000000000a3";

    @LocalServerPort
    int port;
    @Autowired
    SalesAggregates aggregates;
    @Autowired
    LiveCounters liveCounters;
    @Autowired
    ReferenceData reference;

    Browser browser;
    DashboardPage page;
    ReportsApi api;
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    final LocalDate from = today.minusDays(29);
    /** Sales by day before this class's orders, plus those orders (by hand): what the page must show in euros. */
    final Map<String, Row> expectedDays = new HashMap<>();
    ReportsApi.Live liveBefore;
    long liveOrdersFed;
    BigDecimal liveRevenueFed = BigDecimal.ZERO.setScale(2);

    @BeforeAll
    void ordersAndBrowser() {
        browser = Browser.start();
        String base = "http://127.0.0.1:" + port;
        page = new DashboardPage(browser, base);
        api = new ReportsApi(base);
        expectedDays.putAll(api.salesByDay(from, today, "EUR"));
        liveBefore = api.live();
        sale(today.minusDays(3), "DE", line(KETTLE, 2, "4500.00"), line(MUG, 3, "1250.25"));
        sale(today.minusDays(3), "FR", line(TEAPOT, 1, "6200.00"));
        sale(today.minusDays(11), "DE", line(KETTLE, 1, "4500.00"));
        sale(today.minusDays(24), "IT", line(TEAPOT, 2, "6200.00"));
        // 3 days ago: 2 x 4500.00 + 3 x 1250.25 + 6200.00; 11 days ago: 4500.00; 24 days ago: 2 x 6200.00.
        fed(today.minusDays(3), 2, 6, "18950.75");
        fed(today.minusDays(11), 1, 1, "4500.00");
        fed(today.minusDays(24), 1, 2, "12400.00");
        liveSale("19.99");
        liveSale("5.01");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void asksForALoginFirstAndSaysWhenItFails() {
        page.open();

        assertThat(page.shows("login-form")).isTrue();
        assertThat(page.shows("live-orders")).isFalse();
        assertThat(page.rowCount("sales-row")).isZero();
        page.logIn(ADMIN_EMAIL, "not-the-password");
        assertThat(page.loginError()).contains("email or password is wrong");
        assertThat(page.shows("live-orders")).isFalse();
        assertThat(page.rowCount("top-row")).isZero();
    }

    @Test
    void anAdminSeesWhatTheApiServesIncludingThisClassesOrders() {
        page.open().logInAndWait(ADMIN_EMAIL, ADMIN_PASSWORD);

        assertThat(page.rangeFrom()).isEqualTo(from.toString());
        assertThat(page.rangeTo()).isEqualTo(today.toString());
        assertThat(page.salesRows()).containsExactlyElementsOf(everyDay(api.salesByDay(from, today, "EUR"), 2))
                .containsExactlyElementsOf(everyDay(expectedDays, 2));
        assertThat(page.value("sales-total")).isEqualTo(total(api.salesByDay(from, today, "EUR")));
        assertThat(page.topRows()).containsExactlyElementsOf(lines(api.topProducts(from, today, "EUR")))
                .containsSubsequence(TEAPOT + " 2 3 18600.00", KETTLE + " 2 3 13500.00", MUG + " 1 3 3750.75");
        ReportsApi.Live live = api.live();
        assertThat(List.of(page.value("live-orders"), page.value("live-revenue"), page.value("live-buyers")))
                .containsExactly(Long.toString(live.orders()), live.revenueEur().toPlainString(), Long.toString(live.uniqueBuyers()));
        assertThat(live.orders()).isEqualTo(liveBefore.orders() + liveOrdersFed);
        assertThat(live.revenueEur()).isEqualByComparingTo(liveBefore.revenueEur().add(liveRevenueFed));
        assertThat(page.chartSize("sales-chart")).allSatisfy(size -> assertThat(size).isPositive());
        assertThat(page.chartSize("top-chart")).allSatisfy(size -> assertThat(size).isPositive());
        page.screenshot(Path.of("target", "dashboard-tests", "dashboard.png"));
    }

    @Test
    void inYenTheFiguresAreTheApisConversion() {
        page.open().logInAndWait(ADMIN_EMAIL, ADMIN_PASSWORD);

        page.selectCurrency("JPY");

        Map<String, Row> yen = api.salesByDay(from, today, "JPY");
        assertThat(page.salesRows()).containsExactlyElementsOf(everyDay(yen, 0));
        assertThat(page.value("sales-total")).isEqualTo(total(yen));
        BigDecimal teapotInYen = reference.exchangeRate("JPY").orElseThrow().fromEur(new BigDecimal("18600.00"), 0);
        assertThat(page.topRows()).containsExactlyElementsOf(lines(api.topProducts(from, today, "JPY")))
                .contains(TEAPOT + " 2 3 " + teapotInYen.toPlainString());
    }

    @Test
    void liveCountersRefreshOnTheirOwn() {
        page.open().logInAndWait(ADMIN_EMAIL, ADMIN_PASSWORD);
        long shown = Long.parseLong(page.value("live-orders"));
        assertThat(shown).isEqualTo(api.live().orders());

        liveSale("3.50");

        page.waitForValue("live-orders", Long.toString(shown + 1));
        assertThat(page.value("live-revenue")).isEqualTo(api.live().revenueEur().toPlainString());
    }

    @Test
    void aCustomerIsToldThatAnAdminAccountIsNeeded() {
        page.open().logIn(CUSTOMER_EMAIL, CUSTOMER_PASSWORD);

        assertThat(page.loginError()).contains("admin account is needed");
        assertThat(page.shows("login-form")).isTrue();
        assertThat(page.shows("live-orders")).isFalse();
        assertThat(page.rowCount("sales-row")).isZero();
    }

    @Test
    void loadsNothingFromElsewhereAndLogsNoError() {
        page.consoleErrors(); // what earlier tests provoked (a refused login logs a 401) is not this test's
        page.open().logInAndWait(ADMIN_EMAIL, ADMIN_PASSWORD);
        page.selectCurrency("USD");
        page.waitForLiveRefresh();

        String origin = "http://127.0.0.1:" + port + "/";
        assertThat(page.url()).startsWith(origin);
        assertThat(page.loadedResources()).allSatisfy(url -> assertThat(url).startsWith(origin))
                .contains(origin + "webjars/uplot/dist/uPlot.iife.min.js", origin + "dashboard.js", origin + "api/auth/login");
        assertThat(page.consoleErrors()).isEmpty();
    }

    /** Every day of the range, with zeros for the days without sales, as the page's table lists them. */
    private List<String> everyDay(Map<String, Row> days, int decimals) {
        return from.datesUntil(today.plusDays(1)).map(LocalDate::toString)
                .map(day -> days.getOrDefault(day, Row.none(day, decimals)).line()).toList();
    }

    private static String total(Map<String, Row> days) {
        return days.values().stream().map(Row::revenue).reduce(BigDecimal::add).orElse(BigDecimal.ZERO).toPlainString();
    }

    private static List<String> lines(List<Row> rows) {
        return rows.stream().map(Row::line).toList();
    }

    private void sale(LocalDate day, String country, OrderEventLine... lines) {
        OrderPlaced order = order(day.atTime(10, 0).toInstant(ZoneOffset.UTC), country, lines);
        aggregates.apply(UUID.randomUUID(), order);
    }

    /** What this class's orders add to a day, computed by hand. */
    private void fed(LocalDate day, long orders, long units, String revenue) {
        expectedDays.merge(day.toString(), new Row(day.toString(), orders, units, new BigDecimal(revenue)), Row::plus);
    }

    private void liveSale(String amount) {
        liveCounters.apply(UUID.randomUUID(), order(Instant.now(), "DE", line(MUG, 1, amount)), today);
        liveOrdersFed++;
        liveRevenueFed = liveRevenueFed.add(new BigDecimal(amount));
    }

    private static OrderEventLine line(String product, int quantity, String price) {
        return new OrderEventLine(product, "home", quantity, new BigDecimal(price), new BigDecimal(price));
    }

    private static OrderPlaced order(Instant at, String country, OrderEventLine... lines) {
        BigDecimal subtotal = List.of(lines).stream().map(l -> l.unitPriceEur().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        OrderTotals totals = new OrderTotals(subtotal, BigDecimal.ZERO, subtotal);
        return new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), country, "EUR", List.of(lines), totals, totals, at);
    }
}
