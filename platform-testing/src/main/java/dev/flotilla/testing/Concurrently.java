package dev.flotilla.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the same task on several threads released at the same moment, as replicas starting together. */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Each task is made on its own thread by {@code prepare} (connections opened, clients built), then
     * all run at once; returns their results in order, or throws the first failure.
     */
    public static <T> List<T> runTogether(int parties, Callable<Callable<T>> prepare) throws InterruptedException, ExecutionException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> running = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(parties)) {
            for (int party = 0; party < parties; party++) {
                running.add(threads.submit(() -> {
                    Callable<T> task = prepare.call();
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
        }
        List<T> results = new ArrayList<>();
        for (Future<T> result : running) {
            results.add(result.get());
        }
        return results;
    }
}
