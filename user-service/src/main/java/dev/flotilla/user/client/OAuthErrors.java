package dev.flotilla.user.client;

import java.time.Duration;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The error responses of the token endpoint (RFC 6749 section 5.2) as problem+json: the RFC's
 * {@code error} and {@code error_description} are extension members of the problem, so an OAuth 2.0
 * client (Spring Security's reads {@code application/*+json} error bodies) and the platform's problem
 * handling both understand them. Like a token, an error is never cached.
 */
public final class OAuthErrors {

    private OAuthErrors() {
    }

    /** An error of the token endpoint, with its RFC 6749 code. */
    public static class OAuthException extends ProblemException {

        private final String error;

        OAuthException(HttpStatus status, String error, String description) {
            super(status, description);
            this.error = error;
            property("error", error);
            property("error_description", description);
            getHeaders().setCacheControl("no-store");
            getHeaders().setPragma("no-cache");
        }

        /** The RFC 6749 error code. */
        public String error() {
            return error;
        }
    }

    /** A missing, repeated or misplaced parameter. */
    public static class InvalidRequestException extends OAuthException {
        InvalidRequestException(String description) {
            super(HttpStatus.BAD_REQUEST, "invalid_request", description);
        }
    }

    /** Any grant but client credentials. */
    public static class UnsupportedGrantTypeException extends OAuthException {
        UnsupportedGrantTypeException() {
            super(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "only grant_type=client_credentials is supported");
        }
    }

    /** A scope was asked for: clients get their configured roles and audiences, no scopes. */
    public static class InvalidScopeException extends OAuthException {
        InvalidScopeException() {
            super(HttpStatus.BAD_REQUEST, "invalid_scope", "no scopes are defined; leave scope out");
        }
    }

    /**
     * The client did not authenticate, used two methods, is unknown or gave a wrong secret; the answer
     * is the same for all of them, so that it does not say which client ids exist.
     */
    public static class InvalidClientException extends OAuthException {
        InvalidClientException() {
            super(HttpStatus.UNAUTHORIZED, "invalid_client", "client authentication failed");
            getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"flotilla\"");
        }
    }

    /** Too many failed client authentications from this address; the request was not checked. */
    public static class TooManyClientFailuresException extends OAuthException {
        TooManyClientFailuresException(Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, "temporarily_unavailable",
                    "too many failed client authentications from this address; retry in "
                            + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s");
            retryAfter(retryAfter);
        }
    }
}
