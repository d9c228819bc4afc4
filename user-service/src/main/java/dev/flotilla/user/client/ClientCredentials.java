package dev.flotilla.user.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.flotilla.user.client.OAuthErrors.InvalidClientException;
import org.jspecify.annotations.Nullable;

/**
 * The id and secret a client authenticated with: by HTTP Basic ({@code client_secret_basic}, both
 * parts form-encoded before Base64 as RFC 6749 section 2.3.1 says, which is what Spring Security's
 * client sends) or as the form fields {@code client_id} and {@code client_secret}
 * ({@code client_secret_post}). Exactly one method: none, both, or a malformed one is {@code invalid_client}.
 */
record ClientCredentials(String id, String secret) {

    private static final String BASIC = "basic ";

    static ClientCredentials from(@Nullable String authorization, Map<String, List<String>> form) {
        boolean basic = authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BASIC);
        boolean post = form.containsKey("client_id") || form.containsKey("client_secret");
        if (basic == post) {
            throw new InvalidClientException();
        }
        return basic ? fromBasic(authorization.substring(BASIC.length()).strip())
                : of(form.get("client_id"), form.get("client_secret"));
    }

    private static ClientCredentials fromBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new InvalidClientException();
            }
            return of(List.of(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8)),
                    List.of(URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new InvalidClientException();
        }
    }

    private static ClientCredentials of(@Nullable List<String> id, @Nullable List<String> secret) {
        if (id == null || secret == null || id.size() != 1 || secret.size() != 1 || id.getFirst().isEmpty()
                || secret.getFirst().isEmpty()) {
            throw new InvalidClientException();
        }
        return new ClientCredentials(id.getFirst(), secret.getFirst());
    }

    @Override
    public String toString() {
        return "ClientCredentials[id=" + id + ", secret=<hidden>]";
    }
}
