package dev.flotilla.order.catalogue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;

/**
 * The threads calls to product-service run on (the circuit breaker's time limiter needs a thread of
 * its own): each task carries the submitting thread's context, above all the current observation, so
 * the call joins the caller's trace. Daemon threads, so they never hold up a shutdown.
 */
final class CallThreads {

    private CallThreads() {
    }

    static ExecutorService withCallersContext() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "product-service-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return ContextExecutorService.wrap(Executors.newCachedThreadPool(threads),
                ContextSnapshotFactory.builder().build()::captureAll);
    }
}
