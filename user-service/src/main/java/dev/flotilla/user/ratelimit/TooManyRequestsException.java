package dev.flotilla.user.ratelimit;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A rate limit was reached: 429 with {@code Retry-After} in whole seconds, at least one. */
public class TooManyRequestsException extends ErrorResponseException {

    public TooManyRequestsException(String what, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(what, seconds(retryAfter)), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
    }

    private static ProblemDetail problem(String what, long seconds) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, what + "; retry in " + seconds + " s");
    }

    private static long seconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
