package dev.flotilla.user.ratelimit;

import java.time.Duration;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A rate limit was reached: 429 with {@code Retry-After} in whole seconds, at least one. */
public class TooManyRequestsException extends ProblemException {

    private final Duration retryAfter;

    public TooManyRequestsException(String what, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, what + "; retry in " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
        retryAfter(retryAfter);
    }

    /** How long the client should wait. */
    public Duration retryAfter() {
        return retryAfter;
    }

    private static long seconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
