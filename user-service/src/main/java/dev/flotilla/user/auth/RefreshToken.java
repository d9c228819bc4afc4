package dev.flotilla.user.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An opaque refresh token, {@code <session id>.<secret>}: 128 random bits of session id and 256 of
 * secret, base64url. Only the SHA-256 of a token is stored.
 */
record RefreshToken(String sessionId, String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("([A-Za-z0-9_-]{22})\\.[A-Za-z0-9_-]{43}");

    static String newSessionId() {
        return random(16);
    }

    static RefreshToken issue(String sessionId) {
        return new RefreshToken(sessionId, sessionId + "." + random(32));
    }

    /** Empty for anything that does not have the shape of a refresh token; no store is asked. */
    static Optional<RefreshToken> parse(String value) {
        var matcher = FORMAT.matcher(value);
        return matcher.matches() ? Optional.of(new RefreshToken(matcher.group(1), value)) : Optional.empty();
    }

    String hash() {
        return Sha256.hex(value);
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    @Override
    public String toString() {
        return "RefreshToken[session " + sessionId + "]";
    }
}
