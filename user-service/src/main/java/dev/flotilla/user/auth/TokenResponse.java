package dev.flotilla.user.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a login or refresh. {@code refreshToken} and {@code sessionId} are absent when the
 * session store was unavailable at login: the access token works, but the client must log in again
 * when it expires.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenResponse(String accessToken, String tokenType, long expiresIn, @Nullable String refreshToken,
        @Nullable Long refreshExpiresIn, @Nullable String sessionId) {
}
