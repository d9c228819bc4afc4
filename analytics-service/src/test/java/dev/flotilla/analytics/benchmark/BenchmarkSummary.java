package dev.flotilla.analytics.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.flotilla.testing.Infrastructure;
import dev.flotilla.testing.SharedEngines;

/** The benchmark's figures as text: the machine and flags, the apply rates, the report latencies, the checks. */
final class BenchmarkSummary {

    private static final String RATE_ROW = "  %-9s %7s %10s %10s %9s %9s %-11s %6s %6s %5s %6s %-17s %s%n";
    private static final String LATENCY_ROW = "  %-26s %-7s %8s %7s %8s %8s %8s %10s%n";

    private BenchmarkSummary() {
    }

    static String text(List<ApplyRate.Result> rates, List<ReportLatency.Result> reports, String setting) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """

                analytics-service benchmark
                  machine: %s
                  analytics-service JVM flags: %s
                  benchmark JVM flags: %s
                  %s
                  %s

                """, Machine.describe(), String.join(" ", AnalyticsBenchmark.FLAGS), Machine.ownFlags(), setting, engines()));
        text.append(String.format(Locale.ROOT, """
                1. Events applied per second (goal: %,d/s). A fresh stream, group and Mongo database per line; each
                   service applied a warm-up backlog first. Timed from the first event published until the group had
                   delivered the last one and had none pending; publish/s: the pipelined publisher alone. CPU in
                   seconds over that span: each service JVM, this JVM (bench), redis-server; busy: cores the whole
                   machine kept busy, others: of those, what other processes used (well above 0.1: not ours alone).
                """, AnalyticsBenchmark.GOAL));
        text.append(String.format(Locale.ROOT, RATE_ROW, "consumers", "events", "publish/s", "applied/s", "elapsed",
                "delivered", "service CPU", "bench", "redis", "busy", "others", "peak RSS", "goal"));
        for (ApplyRate.Result rate : rates) {
            text.append(rateRow(rate));
        }
        text.append('\n');
        for (ApplyRate.Result rate : rates) {
            text.append(checkLine(rate));
        }
        text.append("  bucket documents at the end (markers: the claim tokens of the batches being applied, forgotten once applied):\n");
        for (ApplyRate.Result rate : rates) {
            text.append(bucketLine(rate));
        }
        if (!reports.isEmpty()) {
            text.append(String.format(Locale.ROOT, """

                    2. Report latency, one instance (of the %d-consumer line), %,d events loaded, consumers idle, admin
                       token, HTTP/1.1 keep-alive. cold: each request a distinct range of 7 to 30 days (a cache miss:
                       the aggregation runs); cached: %s to %s, the same request again and again, after a warm-up.
                    """, rates.getFirst().consumers(), rates.getFirst().warmUpEvents() + rates.getFirst().events(),
                    AnalyticsBenchmark.FIRST_DAY, AnalyticsBenchmark.LAST_DAY));
            text.append(String.format(Locale.ROOT, LATENCY_ROW, "report", "kind", "requests", "clients", "p50 ms", "p90 ms",
                    "p99 ms", "requests/s"));
            for (ReportLatency.Result report : reports) {
                text.append(latencyRow(report.query(), "cold", report.cold()));
                text.append(latencyRow(report.query(), "cached", report.cachedAlone()));
                text.append(latencyRow(report.query(), "cached", report.cachedTogether()));
            }
        }
        return text.toString();
    }

    private static String engines() {
        if (SharedEngines.infrastructure() == Infrastructure.EMBEDDED) {
            return """
                    Redis 6.2: the embedded redis-server binary, a process of its own. MongoDB: mongo-java-server
                      (the Mongo wire protocol, in memory) INSIDE the benchmark JVM: the Mongo work is in "bench",
                      on the same cores as the services.""";
        }
        return "engines: " + SharedEngines.infrastructure() + " (Testcontainers); their CPU is in \"others\", not in \"bench\" or \"redis\".";
    }

    private static String rateRow(ApplyRate.Result rate) {
        return String.format(Locale.ROOT, RATE_ROW, rate.consumers(), String.format(Locale.ROOT, "%,d", rate.events()),
                String.format(Locale.ROOT, "%,.0f", rate.publishedPerSecond()),
                String.format(Locale.ROOT, "%,.0f", rate.eventsPerSecond()), seconds(rate.applied()), seconds(rate.delivered()),
                rate.serviceCpu().stream().map(cpu -> String.format(Locale.ROOT, "%.1f", ApplyRate.seconds(cpu)))
                        .collect(Collectors.joining(" + ")),
                String.format(Locale.ROOT, "%.1f", ApplyRate.seconds(rate.benchmarkCpu())),
                String.format(Locale.ROOT, "%.1f", ApplyRate.seconds(rate.redisCpu())),
                String.format(Locale.ROOT, "%.2f", ApplyRate.seconds(rate.machineCpu()) / ApplyRate.seconds(rate.applied())),
                String.format(Locale.ROOT, "%.2f", ApplyRate.seconds(rate.otherCpu()) / ApplyRate.seconds(rate.applied())),
                rate.peakKb().stream().map(kb -> kb < 0 ? "n/a" : kb / 1024 + " MB").collect(Collectors.joining(" + ")),
                rate.eventsPerSecond() >= AnalyticsBenchmark.GOAL ? "met" : "missed");
    }

    private static String checkLine(ApplyRate.Result rate) {
        ApplyRate.Check check = rate.check();
        String waited = rate.waited() == 0 ? "" : String.format(Locale.ROOT,
                "; %d cancellation(s) met before their placement was applied, left for claim-after", rate.waited());
        if (check.correct()) {
            return String.format(Locale.ROOT, "  check, %d consumer(s): OK, report = events = %s; %,d processed_events, no dead letter%s%n",
                    rate.consumers(), check.reported(), check.processed(), waited);
        }
        return String.format(Locale.ROOT, "  CHECK FAILED, %d consumer(s): report %s, events %s; processed_events %,d of %,d;"
                + " dead letters %d; stream length %,d%s%n", rate.consumers(), check.reported(), check.expected(),
                check.processed(), check.events(), check.deadLetters(), check.streamLength(), waited);
    }

    private static String bucketLine(ApplyRate.Result rate) {
        return String.format(Locale.ROOT, "    %d consumer(s): %s%n", rate.consumers(), rate.buckets().stream()
                .map(size -> String.format(Locale.ROOT, "%s %d docs, markers mean %.0f max %d, %.1f KB mean %.1f KB max",
                        size.collection().replace("sales_by_day_", ""), size.documents(), size.meanMarkers(), size.maxMarkers(),
                        size.meanBytes() / 1024, size.maxBytes() / 1024.0))
                .collect(Collectors.joining("; ")));
    }

    private static String latencyRow(String query, String kind, ReportClient.Timings timings) {
        return String.format(Locale.ROOT, LATENCY_ROW, query, kind, String.format(Locale.ROOT, "%,d", timings.nanos().length),
                timings.clients(), millis(timings.percentileMillis(50)), millis(timings.percentileMillis(90)),
                millis(timings.percentileMillis(99)), String.format(Locale.ROOT, "%,.0f", timings.perSecond()));
    }

    private static String millis(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", ApplyRate.seconds(duration));
    }
}
