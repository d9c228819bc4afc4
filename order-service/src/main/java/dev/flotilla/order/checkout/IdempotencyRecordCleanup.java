package dev.flotilla.order.checkout;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletes idempotency records past their TTL; a key whose record expired counts as new. */
@Component
class IdempotencyRecordCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRecordCleanup.class);

    private final IdempotencyRecords records;
    private final Clock clock;

    IdempotencyRecordCleanup(IdempotencyRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    @Transactional
    void deleteExpired() {
        int deleted = records.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.info("deleted {} expired idempotency records", deleted);
        }
    }
}
