package dev.flotilla.analytics.report;

import java.time.Clock;

import dev.flotilla.analytics.cache.ReportCache;
import dev.flotilla.analytics.live.LiveCounters;
import dev.flotilla.web.problem.InvalidFieldsException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admins' reports: sales by day, category, country or product; top products; today's live counters. */
@RestController
@RequestMapping("/api/analytics")
class ReportController {

    private final SalesReports reports;
    private final ReportCache cache;
    private final LiveCounters live;
    private final ReportProperties properties;
    private final Clock clock;

    ReportController(SalesReports reports, ReportCache cache, LiveCounters live, ReportProperties properties, Clock clock) {
        this.reports = reports;
        this.cache = cache;
        this.live = live;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/sales")
    @Operation(summary = "Orders, units and net revenue per day, category, country or product over a range of days")
    SalesReports.Report sales(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "day") String groupBy, @RequestParam(required = false) String currency) {
        ReportRange range = ReportRange.of(from, to, properties.maxDays());
        GroupBy by = GroupBy.parse(groupBy).orElseThrow(() -> new InvalidFieldsException("groupBy",
                "must be one of day, category, country, product"));
        String query = "sales?from=" + range.from() + "&to=" + range.to() + "&groupBy=" + by + "&currency="
                + SalesReports.currency(currency);
        return cache.get(query, range.from(), range.to(), SalesReports.Report.class, () -> reports.sales(range, by, currency));
    }

    @GetMapping("/top-products")
    @Operation(summary = "The products with the most net revenue over a range of days")
    SalesReports.Report topProducts(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "10") int limit, @RequestParam(required = false) String currency) {
        ReportRange range = ReportRange.of(from, to, properties.maxDays());
        if (limit < 1 || limit > properties.maxTopProducts()) {
            throw new InvalidFieldsException("limit", "must be between 1 and " + properties.maxTopProducts());
        }
        String query = "top-products?from=" + range.from() + "&to=" + range.to() + "&limit=" + limit + "&currency="
                + SalesReports.currency(currency);
        return cache.get(query, range.from(), range.to(), SalesReports.Report.class,
                () -> reports.topProducts(range, limit, currency));
    }

    @GetMapping("/live")
    @Operation(summary = "Today's orders, revenue in euros and unique buyers (UTC day), as the events arrive")
    LiveCounters.Live live() {
        return live.read(LiveCounters.today(clock));
    }
}
