package dev.flotilla.user.auth;

import java.time.Duration;

import dev.flotilla.user.ratelimit.TooManyRequestsException;
import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Why a login, refresh or session request is refused. */
public final class AuthExceptions {

    private AuthExceptions() {
    }

    /** Wrong email or wrong password; deliberately does not say which. */
    public static class LoginFailedException extends ProblemException {
        public LoginFailedException() {
            super(HttpStatus.UNAUTHORIZED, "email or password is wrong");
        }
    }

    /** A login rate limit was reached; try again after {@code retryAfter}. */
    public static class TooManyLoginAttemptsException extends TooManyRequestsException {
        public TooManyLoginAttemptsException(String what, Duration retryAfter) {
            super(what, retryAfter);
        }
    }

    /** The refresh token is unknown, expired, revoked or malformed. */
    public static class InvalidRefreshTokenException extends ProblemException {
        public InvalidRefreshTokenException(String reason) {
            super(HttpStatus.UNAUTHORIZED, reason);
        }
    }

    /** No session of the signed-in user has this id. */
    public static class SessionNotFoundException extends ProblemException {
        public SessionNotFoundException(String id) {
            super(HttpStatus.NOT_FOUND, "no session with id " + id);
        }
    }

    /** Redis, where sessions live, cannot be reached. */
    public static class SessionStoreUnavailableException extends ProblemException {
        public SessionStoreUnavailableException(Throwable cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "sessions are temporarily unavailable; try again shortly", cause);
            retryAfter(Duration.ofSeconds(5));
        }
    }
}
