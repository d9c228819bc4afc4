package dev.flotilla.product.stock;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import dev.flotilla.product.catalogue.Product;
import dev.flotilla.product.catalogue.ProductCache;
import dev.flotilla.product.catalogue.ProductStatus;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The stock of one product, changed by one conditional update each, without transactions. A hold
 * moves units from available to reserved and records the reservation on the product; the condition
 * that the product does not hold that reservation yet makes every step safe to repeat, so a retry or
 * a sweeper finishing an interrupted request never counts a line twice. Available stock cannot go
 * below zero: the update only matches while enough is available.
 */
@Component
class ProductStock {

    private static final String HOLDS = "holds";
    private static final String HELD_BY = "holds.reservationId";

    private final MongoTemplate mongo;
    private final ProductCache cache;
    private final Clock clock;

    ProductStock(MongoTemplate mongo, ProductCache cache, Clock clock) {
        this.mongo = mongo;
        this.cache = cache;
        this.clock = clock;
    }

    /** Holds the line for the reservation; empty if done (now or before), else why it cannot be held. */
    Optional<Reservation.Shortage> hold(String reservationId, Reservation.Line line) {
        Query query = Query.query(Criteria.where("_id").is(line.productId()).and("status").is(ProductStatus.ACTIVE)
                .and("stock.available").gte(line.quantity()).and(HELD_BY).ne(reservationId));
        Instant now = clock.instant();
        Update update = new Update().inc("stock.available", -line.quantity()).inc("stock.reserved", line.quantity())
                .push(HOLDS, new Product.Hold(reservationId, line.quantity(), now)).set("updatedAt", now);
        if (changed(query, update, line.productId())) {
            return Optional.empty();
        }
        return diagnose(reservationId, line);
    }

    /** Gives held units back to the available stock; nothing happens if this reservation holds none. */
    void release(String reservationId, Reservation.Line line) {
        Update update = new Update().inc("stock.available", line.quantity()).inc("stock.reserved", -line.quantity());
        changed(heldBy(reservationId, line), removeHold(update, reservationId), line.productId());
    }

    /** Takes held units out of the stock for good (the order is confirmed). */
    void consume(String reservationId, Reservation.Line line) {
        Update update = new Update().inc("stock.reserved", -line.quantity());
        changed(heldBy(reservationId, line), removeHold(update, reservationId), line.productId());
    }

    /** A product's id and the holds on it. */
    record Holding(String productId, List<Product.Hold> holds) {
    }

    /**
     * Products holding units, in id order after {@code afterId} (null: from the start), at most
     * {@code limit}; only ids and holds are read.
     */
    List<Holding> holdingAfter(@Nullable String afterId, int limit) {
        Criteria criteria = Criteria.where(HOLDS + ".0").exists(true);
        if (afterId != null) {
            criteria = criteria.and("_id").gt(new ObjectId(afterId));
        }
        Query query = Query.query(criteria).with(Sort.by("_id")).limit(limit);
        query.fields().include(HOLDS);
        return mongo.find(query, Document.class, Product.COLLECTION).stream()
                .map(product -> new Holding(product.getObjectId("_id").toHexString(),
                        product.getList(HOLDS, Document.class).stream().map(ProductStock::hold).toList()))
                .toList();
    }

    private static Product.Hold hold(Document hold) {
        Date heldAt = hold.getDate("heldAt");
        return new Product.Hold(hold.getString("reservationId"), ((Number) hold.get("quantity")).longValue(),
                heldAt == null ? null : heldAt.toInstant());
    }

    private Optional<Reservation.Shortage> diagnose(String reservationId, Reservation.Line line) {
        Product product = mongo.findById(line.productId(), Product.class);
        if (product == null) {
            return Optional.of(new Reservation.Shortage(line.productId(), "NOT_FOUND", line.quantity(), 0));
        }
        if (product.holds().stream().anyMatch(hold -> hold.reservationId().equals(reservationId))) {
            return Optional.empty();
        }
        if (!product.isActive()) {
            return Optional.of(new Reservation.Shortage(line.productId(), "NOT_ACTIVE", line.quantity(), 0));
        }
        return Optional.of(new Reservation.Shortage(line.productId(), "INSUFFICIENT", line.quantity(),
                product.stock().available()));
    }

    private static Query heldBy(String reservationId, Reservation.Line line) {
        return Query.query(Criteria.where("_id").is(line.productId()).and(HELD_BY).is(reservationId));
    }

    private Update removeHold(Update update, String reservationId) {
        return update.pull(HOLDS, new Document("reservationId", reservationId))
                .set("updatedAt", clock.instant());
    }

    private boolean changed(Query query, Update update, String productId) {
        boolean changed = mongo.updateFirst(query, update, Product.class).getModifiedCount() == 1;
        if (changed) {
            cache.evict(productId);
        }
        return changed;
    }
}
