package dev.flotilla.web.problem;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure that knows its own HTTP meaning: a feature throws a subclass ({@code ProductNotFoundException}
 * is a 404) and the web layer answers it as problem+json without knowing the feature. The message is the
 * problem's {@code detail}.
 */
public class ProblemException extends ErrorResponseException {

    private final String detail;

    public ProblemException(HttpStatus status, String detail) {
        this(status, detail, null);
    }

    public ProblemException(HttpStatus status, String detail, Throwable cause) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), cause);
        this.detail = detail;
    }

    /** Adds a property to the problem body, e.g. the shortages of a refused reservation. */
    protected final void property(String name, Object value) {
        getBody().setProperty(name, value);
    }

    /** Tells the client when to try again ({@code Retry-After}, whole seconds, at least one). */
    protected final void retryAfter(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    @Override
    public String getMessage() {
        return detail;
    }
}
