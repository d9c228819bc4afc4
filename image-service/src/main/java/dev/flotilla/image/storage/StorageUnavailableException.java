package dev.flotilla.image.storage;

import java.time.Duration;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The object store did not answer, or failed: 503 with {@code Retry-After}; nothing was stored. */
public class StorageUnavailableException extends ProblemException {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    StorageUnavailableException(String action, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "the image store is unavailable (" + action + "); try again shortly", cause);
        retryAfter(RETRY_AFTER);
    }
}
