package dev.flotilla.order.checkout;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * The stored outcome of a checkout under one user's idempotency key: the fingerprint of the request
 * and the response (status and body) that every retry gets back.
 */
@Entity
@Table(name = "idempotency_record")
class IdempotencyRecord {

    @EmbeddedId
    private Key id;
    private String requestHash;
    private @Nullable UUID orderId;
    private int responseStatus;
    private String responseBody;
    private Instant createdAt;
    private Instant expiresAt;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(Key id, String requestHash, @Nullable UUID orderId, int responseStatus, String responseBody,
            Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.requestHash = requestHash;
        this.orderId = orderId;
        this.responseStatus = responseStatus;
        this.responseBody = responseBody;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    String requestHash() { return requestHash; }
    @Nullable UUID orderId() { return orderId; }
    int responseStatus() { return responseStatus; }
    String responseBody() { return responseBody; }

    /** One user's key. */
    @Embeddable
    record Key(UUID userId, String idempotencyKey) implements Serializable {
    }
}
