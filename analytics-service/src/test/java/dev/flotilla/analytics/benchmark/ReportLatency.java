package dev.flotilla.analytics.benchmark;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Report latency on one instance with the data loaded and the consumers idle. Cold: each request a
 * range of its own, so each one misses the cache (the stamp read in Redis, the SQLite lookup, the
 * aggregation in Mongo, the SQLite write). Cached: one range asked again and again after a warm-up,
 * from one client and from several at once. The service's own cache counters must show exactly those
 * misses and hits, or the benchmark fails.
 */
final class ReportLatency {

    private static final String CACHE_COUNTER = "flotilla_analytics_report_cache_total";
    private static final int SHORTEST_RANGE_DAYS = 7;

    private ReportLatency() {
    }

    /** One report's figures: {@code query} names the endpoint and its fixed parameters. */
    record Result(String query, ReportClient.Timings cold, ReportClient.Timings cachedAlone, ReportClient.Timings cachedTogether) {
    }

    static List<Result> measure(AnalyticsServiceProcess service, int cold, int cached, int clients)
            throws IOException, InterruptedException {
        ReportClient client = new ReportClient(service);
        List<String[]> ranges = ranges(cold);
        String from = AnalyticsBenchmark.FIRST_DAY.toString();
        String to = AnalyticsBenchmark.LAST_DAY.toString();
        List<Result> results = new ArrayList<>();
        for (String query : List.of("/api/analytics/sales?groupBy=day", "/api/analytics/top-products?limit=10")) {
            double misses = service.counter(CACHE_COUNTER, "result=\"miss\"");
            ReportClient.Timings coldTimings = client.time(cold, 1,
                    i -> query + "&from=" + ranges.get(i)[0] + "&to=" + ranges.get(i)[1]);
            expect(service.counter(CACHE_COUNTER, "result=\"miss\"") - misses, cold, "misses", query);

            String same = query + "&from=" + from + "&to=" + to;
            client.time(Math.max(1, cached / 5), 1, i -> same);
            double hits = service.counter(CACHE_COUNTER, "result=\"hit\"");
            ReportClient.Timings alone = client.time(cached, 1, i -> same);
            ReportClient.Timings together = client.time(cached, clients, i -> same);
            expect(service.counter(CACHE_COUNTER, "result=\"hit\"") - hits, 2L * cached, "hits", query);
            results.add(new Result(query.substring("/api/analytics/".length()), coldTimings, alone, together));
        }
        return results;
    }

    /** Distinct ranges of at least a week within the days of the events, in a fixed random order. */
    static List<String[]> ranges(int count) {
        List<String[]> ranges = new ArrayList<>();
        long days = ChronoUnit.DAYS.between(AnalyticsBenchmark.FIRST_DAY, AnalyticsBenchmark.LAST_DAY) + 1;
        for (int start = 0; start < days; start++) {
            for (int length = SHORTEST_RANGE_DAYS; start + length <= days; length++) {
                LocalDate from = AnalyticsBenchmark.FIRST_DAY.plusDays(start);
                ranges.add(new String[] {from.toString(), from.plusDays(length - 1).toString()});
            }
        }
        if (count > ranges.size()) {
            throw new IllegalArgumentException("at most " + ranges.size() + " distinct ranges of " + SHORTEST_RANGE_DAYS
                    + " days or more fit in " + days + " days; benchmark.cold=" + count);
        }
        Collections.shuffle(ranges, new Random(7));
        return ranges.subList(0, count);
    }

    private static void expect(double actual, long expected, String what, String query) {
        if (Math.round(actual) != expected) {
            throw new IllegalStateException("report cache " + what + " for " + query + ": " + Math.round(actual)
                    + ", expected " + expected + "; the latency figures would not be what they say");
        }
    }
}
