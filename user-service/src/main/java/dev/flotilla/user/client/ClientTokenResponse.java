package dev.flotilla.user.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A successful token response (RFC 6749 section 5.1), with the RFC's member names. */
record ClientTokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {
}
