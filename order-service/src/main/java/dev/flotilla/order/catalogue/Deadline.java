package dev.flotilla.order.catalogue;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The end of the call in progress on this thread. Every exchange the call makes (the call itself, its
 * retries, a token request) waits at most until then, so the whole call stays within its budget.
 */
final class Deadline {

    private static final ThreadLocal<@Nullable Long> END = new ThreadLocal<>();

    private Deadline() {
    }

    /** Runs {@code work} with a deadline {@code budget} from now (an enclosing deadline is kept). */
    static <T> T within(Duration budget, java.util.function.Supplier<T> work) {
        if (END.get() != null) {
            return work.get();
        }
        END.set(System.nanoTime() + budget.toNanos());
        try {
            return work.get();
        } finally {
            END.remove();
        }
    }

    /** What is left of the current call's budget; {@code fallback} outside a call. */
    static Duration remaining(Duration fallback) {
        Long end = END.get();
        return end == null ? fallback : Duration.ofNanos(end - System.nanoTime());
    }
}
