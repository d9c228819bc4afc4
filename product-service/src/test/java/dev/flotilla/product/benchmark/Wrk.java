package dev.flotilla.product.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives {@code GET /api/products/{id}} with wrk over a list of ids in turn, on loopback, and reads its
 * throughput and latency distribution.
 */
record Wrk(int threads, int connections, String warmUp, String duration, int rounds) {

    private static final Pattern LATENCY = Pattern.compile("([0-9.]+)(us|ms|s)");

    /** One wrk run: requests per second, latency percentiles in microseconds, requests done and timed out. */
    record Result(double rate, double p50, double p90, double p99, long requests, long timeouts) {
    }

    /**
     * The rounds after a warm-up, summarised by their medians; {@code p99s} lists every round's p99,
     * {@code cpuPerRequest} is the server's CPU time (all its threads) per request in microseconds.
     */
    record Summary(double rate, double p50, double p90, double p99, List<Double> p99s, long timeouts,
            double cpuPerRequest) {

        static Summary of(List<Result> results, Duration cpu) {
            long requests = results.stream().mapToLong(Result::requests).sum();
            return new Summary(median(results.stream().mapToDouble(Result::rate).toArray()),
                    median(results.stream().mapToDouble(Result::p50).toArray()),
                    median(results.stream().mapToDouble(Result::p90).toArray()),
                    median(results.stream().mapToDouble(Result::p99).toArray()),
                    results.stream().map(Result::p99).toList(), results.stream().mapToLong(Result::timeouts).sum(),
                    cpu.toNanos() / 1_000.0 / requests);
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /** The warm-up, then the measured rounds. */
    Summary measure(ServerProcess server, List<String> ids) throws IOException, InterruptedException {
        run(server.port(), ids, warmUp);
        Duration cpuBefore = server.cpuTime();
        List<Result> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            results.add(run(server.port(), ids, duration));
        }
        return Summary.of(results, server.cpuTime().minus(cpuBefore));
    }

    Result run(int port, List<String> ids, String length) throws IOException, InterruptedException {
        Path script = Files.createTempFile("product-ids", ".lua");
        try {
            Files.writeString(script, "ids = {" + String.join(",", ids.stream().map(id -> "\"" + id + "\"").toList())
                    + "}\ni = 0\nrequest = function()\n  i = i % #ids + 1\n  return wrk.format(\"GET\", \"/api/products/\" .. ids[i])\nend\n");
            Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + length, "--latency", "-s",
                    script.toString(), "http://127.0.0.1:" + port).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes());
            wrk.waitFor();
            Files.writeString(Files.createDirectories(Path.of("target", "benchmark")).resolve("wrk.log"), output,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (output.contains("Non-2xx")) {
                throw new IllegalStateException("some requests failed:\n" + output);
            }
            // wrk leaves requests that took over 2 s out of its percentiles: they are counted apart.
            Matcher timeouts = Pattern.compile("timeout (\\d+)").matcher(output);
            return new Result(Double.parseDouble(find(output, "Requests/sec:\\s+([0-9.]+)")), percentile(output, 50),
                    percentile(output, 90), percentile(output, 99),
                    Long.parseLong(find(output, "(\\d+) requests in")), timeouts.find() ? Long.parseLong(timeouts.group(1)) : 0);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** A line of wrk's latency distribution, e.g. {@code     99%   12.30ms}. */
    private static double percentile(String output, int percent) {
        return micros(find(output, "(?m)^\\s+" + percent + "%\\s+(\\S+)\\s*$"));
    }

    /** wrk prints {@code 850.00us}, {@code 12.30ms} or {@code 1.02s}. */
    static double micros(String latency) {
        Matcher matcher = LATENCY.matcher(latency);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a wrk latency: " + latency);
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value;
            case "ms" -> value * 1_000;
            default -> value * 1_000_000;
        };
    }

    static String millis(double micros) {
        return String.format(Locale.ROOT, "%.1f ms", micros / 1_000);
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + regex + " in the output of wrk:\n" + text);
        }
        return matcher.group(1);
    }
}
