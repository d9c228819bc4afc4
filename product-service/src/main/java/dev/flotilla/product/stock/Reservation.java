package dev.flotilla.product.stock;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * A stock reservation, as stored in {@code reservations}. Its id is chosen by the caller, which makes
 * retries idempotent; it is an opaque, case-sensitive string, stored and compared exactly as sent
 * (as a string even where it looks like an ObjectId: Spring Data would otherwise store such an id as
 * an ObjectId and read it back lower-cased, no longer matching the holds on the products). The
 * status moves only forward, each step a conditional update:
 * <pre>
 * PENDING ──> RESERVED ──> CONFIRMING ──> CONFIRMED
 *    │            └──────> RELEASING ───> RELEASED   (released by the caller, or expired)
 *    └──> FAILED                                      (a line was short; nothing stays held)
 * </pre>
 */
@Document(Reservation.COLLECTION)
record Reservation(@MongoId(FieldType.STRING) String id, List<Line> lines, Status status, @Nullable String reason,
        List<Shortage> shortages, Instant expiresAt, Instant createdAt, Instant updatedAt) {

    static final String COLLECTION = "reservations";

    /** Where a reservation stands. */
    enum Status {
        /** Lines are being held, one product at a time. */
        PENDING,
        /** Every line is held until {@code expiresAt}. */
        RESERVED,
        /** Being confirmed: held units leave the stock for good. */
        CONFIRMING,
        CONFIRMED,
        /** Being released: held units go back to the available stock. */
        RELEASING,
        RELEASED,
        /** At least one line could not be held; whatever was held went back. */
        FAILED
    }

    /** Units of one product. */
    record Line(String productId, long quantity) {
    }

    /** Why a line could not be held. */
    record Shortage(String productId, String problem, long requested, long available) {
    }

    boolean sameLinesAs(List<Line> other) {
        return lines.equals(other);
    }
}
