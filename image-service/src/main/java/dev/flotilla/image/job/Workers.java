package dev.flotilla.image.job;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A bounded pool of worker threads, each claiming one job at a time from the {@link JobQueue}. An idle
 * worker polls; {@link #wakeUp()} (after an upload) starts one at once. A claim beyond
 * {@code max-attempts} fails the job instead of running it: that is how a job whose worker died
 * repeatedly ends. On shutdown the workers stop claiming and running jobs get {@code shutdown-grace}
 * to finish; jobs still running then are interrupted and given back to the queue, uncounted.
 */
@Component
public class Workers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Workers.class);
    private static final Duration INTERRUPT_WAIT = Duration.ofMillis(100);

    private final JobQueue queue;
    private final JobHandler handler;
    private final JobProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final Map<Thread, ClaimedJob> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final Object signal = new Object();
    private volatile boolean running;
    /** Set once the grace is over: an attempt that fails from now on failed because it was interrupted. */
    private volatile boolean abandoning;
    private ExecutorService pool;

    Workers(JobQueue queue, JobHandler handler, JobProperties properties, Clock clock, MeterRegistry meters) {
        this.queue = queue;
        this.handler = handler;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        meters.gauge("flotilla.image.workers.busy", busy);
    }

    /** Lets an idle worker look for jobs now instead of at its next poll. */
    public void wakeUp() {
        synchronized (signal) {
            signal.notify();
        }
    }

    @Override
    public void start() {
        running = true;
        abandoning = false;
        AtomicInteger number = new AtomicInteger();
        pool = Executors.newFixedThreadPool(Math.max(1, properties.workers()),
                task -> {
                    Thread thread = new Thread(task, "image-worker-" + number.incrementAndGet());
                    // A worker stuck in a decoder after its lease was given back must not keep the JVM alive.
                    thread.setDaemon(true);
                    return thread;
                });
        for (int i = 0; i < properties.workers(); i++) {
            pool.execute(this::work);
        }
        log.info("{} image workers started", properties.workers());
    }

    @Override
    public void stop() {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} jobs still running after {}: giving their leases back", inFlight.size(), properties.shutdownGrace());
                abandoning = true;
                pool.shutdownNow();
                // Interrupted workers give their own jobs back; this gives back those of workers busy in a
                // decoder or in I/O, which do not notice an interrupt: whatever they finish later changes nothing.
                pool.awaitTermination(INTERRUPT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                inFlight.forEach((thread, job) -> giveBackOnce(thread, job));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * In the phase of the web server's graceful shutdown (Spring Boot's {@code DEFAULT_PHASE - 2048}),
     * stopping at the same time as it rather than one after the other, so that draining requests and
     * finishing jobs share {@code spring.lifecycle.timeout-per-shutdown-phase} instead of adding up.
     * The data source outlives both.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    @Override
    public void stop(Runnable callback) {
        Thread stopping = new Thread(() -> {
            try {
                stop();
            } finally {
                callback.run();
            }
        }, "image-workers-stop");
        stopping.start();
    }

    private void work() {
        String owner = instance + "/" + Thread.currentThread().getName();
        while (running) {
            Optional<ClaimedJob> claimed = claim(owner);
            if (claimed.isPresent()) {
                run(claimed.get());
            } else {
                idle();
            }
        }
    }

    private Optional<ClaimedJob> claim(String owner) {
        try {
            return queue.claim(owner, clock.instant(), properties.lease());
        } catch (RuntimeException e) {
            log.warn("Claiming a job failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private void run(ClaimedJob job) {
        inFlight.put(Thread.currentThread(), job);
        busy.incrementAndGet();
        long begin = System.nanoTime();
        String outcome = "ready";
        try {
            if (job.attempts() > properties.maxAttempts()) {
                outcome = "failed";
                handler.failed(job, "gave up after " + properties.maxAttempts() + " attempts; the last: "
                        + (job.lastError() == null ? "its worker stopped without finishing it" : job.lastError()));
            } else {
                handler.process(job);
            }
        } catch (PermanentJobFailure e) {
            if (stoppedMidJob()) {
                // The decoder noticed the interrupt as a broken stream: the image is not to blame.
                outcome = "released";
                giveBackOnce(Thread.currentThread(), job);
            } else {
                outcome = "failed";
                handler.failed(job, e.getMessage());
            }
        } catch (InterruptedException e) {
            outcome = "released";
            giveBackOnce(Thread.currentThread(), job);
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            // An OutOfMemoryError of one huge decode must not end the worker: the job is retried, then FAILED.
            if (stoppedMidJob()) {
                outcome = "released";
                giveBackOnce(Thread.currentThread(), job);
            } else {
                outcome = afterFailure(job, e);
            }
        } finally {
            busy.decrementAndGet();
            inFlight.remove(Thread.currentThread());
            Timer.builder("flotilla.image.job.duration").description("time to process one attempt of a job")
                    .tag("outcome", outcome).register(meters).record(Duration.ofNanos(System.nanoTime() - begin));
        }
    }

    private String afterFailure(ClaimedJob job, Throwable failure) {
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        try {
            if (job.attempts() >= properties.maxAttempts()) {
                handler.failed(job, "gave up after " + job.attempts() + " attempts; the last: " + error);
                return "failed";
            }
            log.info("Job {} of image {} failed (attempt {}), retried later: {}", job.id(), job.imageId(), job.attempts(), error);
            handler.retrying(job, error, clock.instant().plus(properties.backoff(job.attempts())));
            return "retried";
        } catch (RuntimeException e) {
            // The queue itself is failing: the lease expires and the job is claimed again.
            log.warn("Job {} could not be returned to the queue: {}", job.id(), e.getMessage());
            return "lost";
        }
    }

    /** Decoders and clients may report an interrupt as any failure, and may clear the flag: ask the pool. */
    private boolean stoppedMidJob() {
        return abandoning;
    }

    /** Gives a job back unless someone already did: the worker itself or the stopping thread, never both. */
    private void giveBackOnce(Thread worker, ClaimedJob job) {
        if (!inFlight.remove(worker, job)) {
            return;
        }
        try {
            handler.released(job);
        } catch (RuntimeException e) {
            log.warn("Job {} was not given back ({}); it is claimed again when its lease expires", job.id(), e.getMessage());
        }
    }

    private void idle() {
        synchronized (signal) {
            if (!running) {
                return;
            }
            try {
                signal.wait(properties.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
