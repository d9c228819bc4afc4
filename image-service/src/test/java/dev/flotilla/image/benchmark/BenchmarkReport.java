package dev.flotilla.image.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The benchmark's figures as text: the machine, the inputs, one line per worker count and size. */
final class BenchmarkReport {

    private static final String ROW = "  %-7s %-23s %7s %8s  %-27s %-19s %7s %7s %8s %8s %6s%n";

    private BenchmarkReport() {
    }

    static String inputs(List<SamplePhoto> photos) {
        StringBuilder text = new StringBuilder("Generated inputs (JPEG, quality 0.9, fixed seed):\n");
        for (SamplePhoto photo : photos) {
            text.append(String.format(Locale.ROOT, "  %s%n", describe(photo)));
        }
        return text.toString();
    }

    static String table(List<ImageBenchmark.ServiceRun> runs, Path output) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """

                image-service: images processed (thumbnail 128 px + medium 512 px, stored in S3) per second and latency
                  machine: %d cores (%s), Java %s
                  image-service JVM flags: %s
                  burst: the uploads sent back to back by one client; images/s from the first upload sent to the
                  last image seen READY; latency from an upload sent to its image seen READY (polled every %d ms),
                  queueing behind the burst included. alone: one upload at a time, the queue otherwise empty;
                  202: of those, the median time from the upload sent to its 202 (original stored, job queued).
                  job: the service's flotilla.image.job.duration (outcome ready), mean over the burst.
                  CPU per image over the burst: the service's JVM (uploads, polls and jobs), and this JVM's
                  (S3Proxy, token issuer, client), on the same cores. others: cores the machine's other processes
                  kept busy meanwhile (/proc/stat); well above 0.1, the figures are not this service's alone.

                """, Runtime.getRuntime().availableProcessors(), cpuModel(), Runtime.version(),
                String.join(" ", ImageBenchmark.FLAGS), Burst.POLL_MILLIS));
        text.append(String.format(Locale.ROOT, ROW, "workers", "input", "uploads", "images/s",
                "burst p50 / p95 / max", "alone p50 / max", "202", "job", "svc CPU", "harn CPU", "others"));
        for (ImageBenchmark.ServiceRun run : runs) {
            for (ImageBenchmark.Row row : run.rows()) {
                text.append(row(row));
            }
        }
        text.append('\n');
        for (ImageBenchmark.ServiceRun run : runs) {
            text.append(String.format(Locale.ROOT, "  image-service with %d worker(s), at the end: resident %s, peak %s%n",
                    run.workers(), megabytes(run.residentKb()), megabytes(run.peakKb())));
        }
        for (ImageBenchmark.ServiceRun run : runs) {
            for (ImageBenchmark.Row row : run.rows()) {
                text.append(problems(row, "burst", row.burst())).append(problems(row, "alone", row.alone()));
            }
        }
        return text.append("  service logs: ").append(output).append('\n').toString();
    }

    private static String row(ImageBenchmark.Row row) {
        Burst.Result burst = row.burst();
        Burst.Result alone = row.alone();
        return String.format(Locale.ROOT, ROW, row.workers(), describeShort(row.photo()), burst.ready() + "/" + burst.uploads(),
                String.format(Locale.ROOT, "%.2f", burst.imagesPerSecond()),
                millis(burst.percentile(50)) + " / " + millis(burst.percentile(95)) + " / " + millis(burst.percentile(100)),
                millis(alone.percentile(50)) + " / " + millis(alone.percentile(100)), millis(alone.acceptedPercentile(50)),
                millis(row.jobMean()),
                perImage(row.serviceCpu(), burst.ready()), perImage(row.harnessCpu(), burst.ready()),
                String.format(Locale.ROOT, "%.2f", row.otherCores()));
    }

    private static String problems(ImageBenchmark.Row row, String phase, Burst.Result result) {
        if (result.complete()) {
            return "";
        }
        return String.format(Locale.ROOT, "  INCOMPLETE %d workers, %d MP %s: %d of %d READY, %d FAILED, %d refused%s%s%n",
                row.workers(), row.photo().megapixels(), phase, result.ready(), result.uploads(), result.failed(),
                result.refusals().size(), result.timedOut() ? ", timed out" : "",
                result.refusals().isEmpty() ? "" : "; first refusal: " + result.refusals().getFirst());
    }

    private static String describe(SamplePhoto photo) {
        return String.format(Locale.ROOT, "%2d MP: %d x %d (%.2f MP), %,d bytes", photo.megapixels(), photo.width(),
                photo.height(), photo.actualMegapixels(), photo.jpeg().length);
    }

    private static String describeShort(SamplePhoto photo) {
        return String.format(Locale.ROOT, "%d MP %dx%d %.1fMB", photo.megapixels(), photo.width(), photo.height(),
                photo.jpeg().length / 1e6);
    }

    private static String millis(Duration duration) {
        return duration == null ? "n/a" : duration.toMillis() + " ms";
    }

    private static String perImage(Duration cpu, int images) {
        return images == 0 ? "n/a" : cpu.toMillis() / images + " ms";
    }

    private static String megabytes(long kilobytes) {
        return kilobytes < 0 ? "n/a" : kilobytes / 1024 + " MB";
    }

    /** The first {@code model name} of {@code /proc/cpuinfo}, or the OS architecture elsewhere. */
    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException notLinux) {
            return System.getProperty("os.arch");
        }
    }
}
