package dev.flotilla.image.job;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The queue as gauges: {@code flotilla.image.jobs.pending} (queued, waiting for a retry, or running),
 * which an autoscaler may read, and {@code flotilla.image.jobs.running}. Each read is one count on the
 * SQLite file, well under a millisecond.
 */
@Component
class QueueMetrics {

    QueueMetrics(JobQueue queue, MeterRegistry meters) {
        Gauge.builder("flotilla.image.jobs.pending", queue, JobQueue::pending)
                .description("image jobs not finished yet").register(meters);
        Gauge.builder("flotilla.image.jobs.running", queue, JobQueue::running)
                .description("image jobs a worker is processing").register(meters);
    }
}
