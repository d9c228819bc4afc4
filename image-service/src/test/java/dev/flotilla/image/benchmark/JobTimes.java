package dev.flotilla.image.benchmark;

import java.time.Duration;

/**
 * The service's own timer {@code flotilla.image.job.duration} with {@code outcome="ready"}, read from
 * its Prometheus scrape: jobs done so far and the time the workers spent on them (fetch the original,
 * decode, draw and store both renditions and the manifest, mark READY).
 */
record JobTimes(long count, double seconds) {

    private static final String METRIC = "flotilla_image_job_duration_seconds";

    static JobTimes of(String scrape) {
        long count = 0;
        double seconds = 0;
        for (String line : scrape.split("\n")) {
            if (!line.contains("outcome=\"ready\"")) {
                continue;
            }
            if (line.startsWith(METRIC + "_count{")) {
                count += (long) value(line);
            } else if (line.startsWith(METRIC + "_sum{")) {
                seconds += value(line);
            }
        }
        return new JobTimes(count, seconds);
    }

    /** The mean time of the jobs done since {@code before}; null if none. */
    Duration meanSince(JobTimes before) {
        long jobs = count - before.count;
        return jobs <= 0 ? null : Duration.ofNanos((long) ((seconds - before.seconds) * 1e9 / jobs));
    }

    private static double value(String line) {
        // name{labels} value [timestamp]
        return Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split("\\s+")[0]);
    }
}
