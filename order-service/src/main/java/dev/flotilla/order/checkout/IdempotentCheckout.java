package dev.flotilla.order.checkout;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.flotilla.order.checkout.CheckoutExceptions.CheckoutInProgressException;
import dev.flotilla.order.checkout.CheckoutExceptions.KeyReusedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkout under an {@code Idempotency-Key}, with the semantics of the well-known payment APIs: the
 * same key and body get the first result back (status and body) and never a second order; the same key
 * with another body is a 422; while the first request runs, duplicates get 409 with Retry-After. Only
 * outcomes that made an order are stored: a request refused before that (bad input, a changed price,
 * short stock, product-service down: 4xx or 5xx) left nothing behind and may be retried with the same
 * key. The PostgreSQL record, written in the order's transaction, decides; the Redis lock only keeps
 * duplicates from doing the work twice.
 */
@Service
class IdempotentCheckout {

    private final IdempotencyRecords records;
    private final IdempotencyLocks locks;
    private final CheckoutProcess process;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentCheckout(IdempotencyRecords records, IdempotencyLocks locks, CheckoutProcess process,
            TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.records = records;
        this.locks = locks;
        this.process = process;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    StoredResponse checkout(UUID userId, String idempotencyKey, CheckoutRequest request) {
        IdempotencyRecord.Key key = new IdempotencyRecord.Key(userId, idempotencyKey);
        String requestHash = fingerprint(request);
        Optional<StoredResponse> earlier = stored(key, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        IdempotencyLocks.Lock lock = locks.tryLock(userId, idempotencyKey).orElseThrow(CheckoutInProgressException::new);
        try {
            // No second lookup under the lock: a duplicate that finished in between fails on the record's
            // primary key at commit, like one whose lock was lost, and gets the stored result below.
            return process.place(key, requestHash, request);
        } catch (DataIntegrityViolationException e) {
            // Another request stored this key first: this attempt rolled back and was undone.
            return stored(key, requestHash).orElseThrow(() -> e);
        } finally {
            locks.release(lock);
        }
    }

    /** The stored response for this key, if it has one that has not expired. */
    private Optional<StoredResponse> stored(IdempotencyRecord.Key key, String requestHash) {
        return transactions.execute(status -> {
            Optional<IdempotencyRecord> found = records.findById(key);
            if (found.isPresent() && found.get().expiredAt(clock.instant())) {
                records.deleteById(key);
                return Optional.<StoredResponse>empty();
            }
            return found.map(record -> {
                if (!record.requestHash().equals(requestHash)) {
                    throw new KeyReusedException();
                }
                return new StoredResponse(record.responseStatus(), record.responseBody(), record.orderId(), true);
            });
        });
    }

    /**
     * The request's fingerprint: SHA-256 of its normalised JSON, in which the card number appears only
     * by its last four digits, so that no stored value can give the number away.
     */
    private String fingerprint(CheckoutRequest request) {
        CheckoutRequest.CardDetails card = request.payment();
        String number = card.cardNumber();
        CheckoutRequest normalised = new CheckoutRequest(request.shippingAddress(),
                request.currency() == null ? null : request.currency().toUpperCase(Locale.ROOT),
                new CheckoutRequest.CardDetails(number.substring(number.length() - 4), card.expiryMonth(), card.expiryYear()));
        return IdempotencyLocks.sha256(json.writeValueAsString(normalised));
    }
}
