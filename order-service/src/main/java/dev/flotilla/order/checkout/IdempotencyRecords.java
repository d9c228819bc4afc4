package dev.flotilla.order.checkout;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Stored checkout outcomes by user and idempotency key. */
interface IdempotencyRecords extends Repository<IdempotencyRecord, IdempotencyRecord.Key> {

    Optional<IdempotencyRecord> findById(IdempotencyRecord.Key key);

    IdempotencyRecord save(IdempotencyRecord record);

    void deleteById(IdempotencyRecord.Key key);

    @Modifying
    @Query("delete from IdempotencyRecord r where r.expiresAt <= :now")
    int deleteExpired(Instant now);
}
