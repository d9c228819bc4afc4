package dev.flotilla.user.auth;

import java.time.Instant;
import java.util.Map;

/** A session as {@code GET /api/auth/sessions} shows it; {@code current} marks the caller's own. */
record SessionView(String id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String userAgent, String address,
        boolean current) {

    static SessionView of(String id, Map<Object, Object> fields, Instant expiresAt, boolean current) {
        return new SessionView(id, Instant.parse((String) fields.get("createdAt")),
                Instant.parse((String) fields.get("lastUsedAt")), expiresAt, (String) fields.get("userAgent"),
                (String) fields.get("address"), current);
    }
}
