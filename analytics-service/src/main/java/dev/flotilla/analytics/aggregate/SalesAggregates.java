package dev.flotilla.analytics.aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.flotilla.order.events.OrderCancelled;
import dev.flotilla.order.events.OrderEvent;
import dev.flotilla.order.events.OrderPlaced;

/**
 * Applies order events to the daily aggregates exactly once, without multi-document transactions.
 *
 * <p>Every bucket update is idempotent on its own: {@code updateOne({_id: bucket, events: {$ne: id}},
 * {$inc: ..., $addToSet: {events: id}}, upsert)} changes a bucket only if it has not seen the event,
 * and on a bucket that has, the upsert's insert meets the existing {@code _id} and fails with a
 * duplicate key, which means "already applied". After every bucket, the event id goes into
 * {@code processed_events} (unique {@code _id}); only then is the message acknowledged. A consumer
 * that dies anywhere in between gets the message again: buckets already changed skip it, the others
 * take it, and the record is written. Nothing is lost (acknowledged only after everything is stored)
 * and nothing is counted twice (each bucket remembers the event). {@code processed_events} lets a
 * redelivery of a finished event skip the buckets altogether.
 *
 * <p>A cancellation subtracts from the day the order was placed, which the {@code orders} collection
 * remembers from the OrderPlaced event; a cancellation that arrives first waits (it is retried).
 */
@Component
public class SalesAggregates {

    static final String PROCESSED = "processed_events";
    static final String ORDERS = "orders";

    private final MongoTemplate mongo;
    private final Clock clock;

    SalesAggregates(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** What became of one delivery. */
    public enum Outcome {
        APPLIED, DUPLICATE
    }

    public Outcome apply(UUID eventId, OrderEvent event) {
        String id = eventId.toString();
        if (mongo.exists(Query.query(Criteria.where("_id").is(id)), PROCESSED)) {
            return Outcome.DUPLICATE;
        }
        List<Contribution> contributions;
        LocalDate day;
        switch (event) {
            case OrderPlaced placed -> {
                day = LocalDate.ofInstant(placed.occurredAt(), ZoneOffset.UTC);
                rememberOrder(placed, day);
                contributions = Contribution.of(placed.country(), placed.lines(), placed.totalsEur().subtotal(), 1);
            }
            case OrderCancelled cancelled -> {
                day = placedDay(cancelled);
                contributions = Contribution.of(cancelled.country(), cancelled.lines(), cancelled.totalsEur().subtotal(), -1);
            }
        }
        for (Contribution contribution : contributions) {
            applyOnce(id, day, contribution);
        }
        try {
            mongo.insert(new Document("_id", id).append("at", clock.instant()).append("day", day.toString()), PROCESSED);
        } catch (DuplicateKeyException e) {
            // Another consumer finished the same event at the same time: applied once all the same.
        }
        return Outcome.APPLIED;
    }

    private void applyOnce(String eventId, LocalDate day, Contribution contribution) {
        String bucket = day + "|" + contribution.key();
        Query notYetSeen = Query.query(Criteria.where("_id").is(bucket).and("events").ne(eventId));
        Update update = new Update()
                .inc("orders", contribution.orders())
                .inc("units", contribution.units())
                .inc("revenueEur", contribution.revenueEur())
                .addToSet("events", eventId)
                .setOnInsert("day", day.toString())
                .setOnInsert("key", contribution.key());
        try {
            mongo.upsert(notYetSeen, update, contribution.dimension().collection());
        } catch (DuplicateKeyException e) {
            // The bucket exists and has seen this event: applied before a crash or by another consumer.
        }
    }

    private void rememberOrder(OrderPlaced placed, LocalDate day) {
        mongo.upsert(Query.query(Criteria.where("_id").is(placed.orderId().toString())),
                new Update().setOnInsert("day", day.toString()), ORDERS);
    }

    private LocalDate placedDay(OrderCancelled cancelled) {
        Document order = mongo.findById(cancelled.orderId().toString(), Document.class, ORDERS);
        if (order == null) {
            throw new OrderNotYetPlacedException(cancelled.orderId());
        }
        return LocalDate.parse(order.getString("day"));
    }

}
