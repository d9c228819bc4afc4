package dev.flotilla.user.auth;

import java.time.Duration;

/** Why a login, refresh or session request is refused. */
public final class AuthExceptions {

    private AuthExceptions() {
    }

    /** Wrong email or wrong password; deliberately does not say which. */
    public static class LoginFailedException extends RuntimeException {
        public LoginFailedException() {
            super("email or password is wrong");
        }
    }

    /** A rate limit was reached; try again after {@code retryAfter}. */
    public static class TooManyLoginAttemptsException extends RuntimeException {

        private final Duration retryAfter;

        public TooManyLoginAttemptsException(String what, Duration retryAfter) {
            super(what);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The refresh token is unknown, expired, revoked or malformed. */
    public static class InvalidRefreshTokenException extends RuntimeException {
        public InvalidRefreshTokenException(String reason) {
            super(reason);
        }
    }

    /** No session of the signed-in user has this id. */
    public static class SessionNotFoundException extends RuntimeException {
        public SessionNotFoundException(String id) {
            super("no session with id " + id);
        }
    }

    /** Redis, where sessions live, cannot be reached. */
    public static class SessionStoreUnavailableException extends RuntimeException {
        public SessionStoreUnavailableException(Throwable cause) {
            super("sessions are temporarily unavailable; try again shortly", cause);
        }
    }
}
