package dev.flotilla.product.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows measured so far, each against the bare endpoint of the same run. */
final class Report {

    private final List<String> bareFlags;
    private final Wrk.Summary bare;
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String sideBySide = "";

    Report(List<String> bareFlags, Wrk.Summary bare) {
        this.bareFlags = bareFlags;
        this.bare = bare;
        rows.add(row("bare Spring Boot endpoint (yardstick)", bare));
    }

    void add(String title, List<String> flags, Wrk.Summary summary, String note) {
        rows.add(row(title, summary));
        notes.add(note);
        if (sideBySide.isEmpty()) {
            sideBySide = String.format(Locale.ROOT, """
                    Side by side: %s served %,.0f requests/s with p99 %s, flags %s;
                      the bare endpoint served %,.0f requests/s with p99 %s, flags %s:
                      %.0f %% of its throughput, %.1fx its p99.
                    """, title, summary.rate(), Wrk.millis(summary.p99()), String.join(" ", flags), bare.rate(), Wrk.millis(bare.p99()),
                    String.join(" ", bareFlags), 100 * summary.rate() / bare.rate(), summary.p99() / bare.p99());
        }
    }

    String print(Wrk wrk) {
        return String.format(Locale.ROOT, "%n%-42s %10s %9s %9s %9s %-22s %7s %6s %12s%n", "GET /api/products/{id}",
                "requests/s", "p50", "p90", "p99", " (p99 of each round)", "of bare", "p99 x", "CPU/request")
                + String.join("\n", rows) + "\n"
                + String.format(Locale.ROOT, "(wrk -t%d -c%d, %s warm-up, %d x %s rounds, medians; %d cores; Java %s)%n",
                        wrk.threads(), wrk.connections(), wrk.warmUp(), wrk.rounds(), wrk.duration(),
                        Runtime.getRuntime().availableProcessors(), Runtime.version())
                + String.join("\n", notes) + "\n" + sideBySide;
    }

    private String row(String title, Wrk.Summary summary) {
        String rounds = summary.p99s().stream().map(p99 -> String.format(Locale.ROOT, "%.1f", p99 / 1_000))
                .reduce((a, b) -> a + "/" + b).orElse("");
        return String.format(Locale.ROOT, "%-42s %10.0f %9s %9s %9s  (%-19s %6.0f%% %5.1fx %6.0f us %4.1fx", title,
                summary.rate(), Wrk.millis(summary.p50()), Wrk.millis(summary.p90()), Wrk.millis(summary.p99()),
                rounds + " ms)", 100 * summary.rate() / bare.rate(), summary.p99() / bare.p99(), summary.cpuPerRequest(),
                summary.cpuPerRequest() / bare.cpuPerRequest())
                + (summary.timeouts() == 0 ? "" : "  " + summary.timeouts() + " requests over 2 s");
    }
}
