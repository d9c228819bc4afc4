package dev.flotilla.product.stock;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.flotilla.product.stock.Reservation.Shortage;
import dev.flotilla.product.stock.Reservation.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code reservations} collection. A status changes only from an expected status, in one
 * {@code findAndModify}: of two requests (or a request and the sweeper) racing for a reservation,
 * exactly one wins each step.
 */
@Repository
class Reservations {

    private final MongoTemplate mongo;

    Reservations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts a new reservation; throws {@code DuplicateKeyException} if the id exists. */
    Reservation insert(Reservation reservation) {
        return mongo.insert(reservation);
    }

    Optional<Reservation> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Reservation.class));
    }

    List<Reservation> findAllById(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Reservation.class);
    }

    /** Moves the reservation from {@code from} to {@code to}; empty if it was not in {@code from}. */
    Optional<Reservation> transition(String id, Status from, Status to, @Nullable String reason, List<Shortage> shortages,
            Instant now) {
        Update update = new Update().set("status", to).set("updatedAt", now);
        if (reason != null) {
            update.set("reason", reason);
        }
        if (!shortages.isEmpty()) {
            update.set("shortages", shortages);
        }
        return modify(Criteria.where("_id").is(id).and("status").is(from), update);
    }

    /** Starts confirming, only while the reservation holds its stock and has not expired. */
    Optional<Reservation> startConfirming(String id, Instant now) {
        return modify(Criteria.where("_id").is(id).and("status").is(Status.RESERVED).and("expiresAt").gt(now),
                new Update().set("status", Status.CONFIRMING).set("updatedAt", now));
    }

    /** Claims one reserved reservation past its expiry for release. */
    Optional<Reservation> claimExpired(Instant now) {
        return modify(Criteria.where("status").is(Status.RESERVED).and("expiresAt").lte(now),
                new Update().set("status", Status.RELEASING).set("reason", "expired").set("updatedAt", now));
    }

    /**
     * Ends one reservation whose request died while holding its lines (PENDING since before
     * {@code stalledBefore}) by moving it to FAILED first: a request that is only slow then fails its
     * own last step and gives back what it holds, so the two can never both win.
     */
    Optional<Reservation> failStalledPending(Instant stalledBefore, Instant now) {
        return modify(Criteria.where("status").is(Status.PENDING).and("updatedAt").lte(stalledBefore),
                new Update().set("status", Status.FAILED).set("reason", "interrupted").set("updatedAt", now));
    }

    /**
     * Claims one reservation left CONFIRMING or RELEASING since before {@code stalledBefore} by renewing
     * its {@code updatedAt}, so that one sweeper finishes it; finishing is repeatable, so a request
     * still working on it does no harm.
     */
    Optional<Reservation> claimStalledTransition(Instant stalledBefore, Instant now) {
        return modify(Criteria.where("status").in(Status.CONFIRMING, Status.RELEASING).and("updatedAt").lte(stalledBefore),
                new Update().set("updatedAt", now));
    }

    private Optional<Reservation> modify(Criteria criteria, Update update) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(criteria), update,
                FindAndModifyOptions.options().returnNew(true), Reservation.class));
    }
}
