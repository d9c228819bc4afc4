package dev.flotilla.analytics.aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.flotilla.order.events.OrderCancelled;
import dev.flotilla.order.events.OrderEvent;
import dev.flotilla.order.events.OrderPlaced;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies order events to the daily aggregates exactly once, without multi-document transactions.
 *
 * <p>Every bucket update is idempotent on its own: {@code updateOne({_id: bucket, events: {$ne: id}},
 * {$inc: ..., $addToSet: {events: id}}, upsert)} changes a bucket only if it has not seen the event.
 * On a bucket that has, the upsert tries to insert, meets the existing {@code _id} and fails with a
 * duplicate key. The same failure comes when another consumer created the bucket a moment earlier for
 * another event, so a duplicate key is retried once: the bucket exists then, and a second duplicate
 * key can only mean that it has seen the event. After every bucket, the event id goes into
 * {@code processed_events} (unique {@code _id}); only then is the message acknowledged. A consumer that
 * dies anywhere in between gets the message again: buckets already changed skip it, the others take it,
 * and the record is written. Nothing is lost (acknowledged only after everything is stored) and nothing
 * is counted twice (each bucket remembers the event). {@code processed_events} lets a redelivery of a
 * finished event skip the buckets altogether.
 *
 * <p>A batch of events is applied with one bulk write per collection. The buckets forget an event once
 * it has been recorded as processed for {@code prune-after} ({@link #pruneMarkers}), which keeps them
 * small; a batch that took more than half of that between its dedupe check and its bucket writes is
 * abandoned before writing (it is redelivered and finds its record), so a forgotten marker never lets an
 * event in twice.
 *
 * <p>A cancellation subtracts from the day the order was placed, which the {@code orders} collection
 * remembers from the OrderPlaced event; a cancellation that arrives first waits (it is retried).
 *
 * <p>Events go to the active {@link Generation} and, while a backfill builds the next one, to that one
 * too. The generations are read again after the writes: if a backfill began or swapped in the meantime,
 * the batch is applied to the new generation before it is acknowledged. So every event is either in
 * the part of the stream a backfill reads after it began, or written to its generation by a consumer.
 */
@Component
public class SalesAggregates {

    private static final Logger log = LoggerFactory.getLogger(SalesAggregates.class);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Generations generations;
    private final AggregateVersions versions;
    private final AggregateProperties properties;
    private final Clock clock;

    SalesAggregates(MongoTemplate mongo, Generations generations, AggregateVersions versions, AggregateProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.generations = generations;
        this.versions = versions;
        this.properties = properties;
        this.clock = clock;
    }

    /** One event to apply: its CloudEvent id (the same for every delivery) and the event. */
    public record Delivery(UUID id, OrderEvent event) {
    }

    /** What became of one delivery. */
    public enum Outcome {
        /** Applied now. */
        APPLIED,
        /** Applied before: nothing changed. */
        DUPLICATE,
        /** A cancellation whose order has not been placed yet: nothing changed, to be retried. */
        NOT_YET_PLACED
    }

    /** Applies one event; a cancellation of an order not placed yet throws {@link OrderNotYetPlacedException}. */
    public Outcome apply(UUID eventId, OrderEvent event) {
        Outcome outcome = applyAll(List.of(new Delivery(eventId, event))).get(eventId);
        if (outcome == Outcome.NOT_YET_PLACED) {
            throw new OrderNotYetPlacedException(event.orderId());
        }
        return outcome;
    }

    /**
     * Applies a batch of events, each exactly once, to every generation that needs it. The outcomes are
     * the active generation's, by event id.
     */
    public Map<UUID, Outcome> applyAll(List<Delivery> deliveries) {
        Generations.Targets before = generations.current();
        Map<UUID, Outcome> outcomes = applyTo(before.active(), deliveries);
        List<Delivery> settled = deliveries.stream().filter(d -> outcomes.get(d.id()) != Outcome.NOT_YET_PLACED).toList();
        if (before.building() != null) {
            applyTo(before.building(), settled);
        }
        Generations.Targets after = generations.current();
        if (!after.equals(before)) {
            for (Generation generation : after.all()) {
                if (!before.all().contains(generation)) {
                    applyTo(generation, settled);
                }
            }
        }
        return outcomes;
    }

    /**
     * Applies a batch to one generation. In a generation being built, a cancellation whose order it has
     * not seen placed yet is left alone: the backfill reaches both, in the stream's order.
     */
    public Map<UUID, Outcome> applyTo(Generation generation, List<Delivery> deliveries) {
        Map<UUID, Outcome> outcomes = new LinkedHashMap<>();
        Map<UUID, Delivery> unique = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            if (unique.putIfAbsent(delivery.id(), delivery) != null) {
                outcomes.put(delivery.id(), Outcome.DUPLICATE);
            }
        }
        if (unique.isEmpty()) {
            return outcomes;
        }
        Instant checkedAt = clock.instant();
        Set<String> processed = new HashSet<>();
        for (Document done : mongo.getCollection(generation.processed())
                .find(Filters.in("_id", unique.keySet().stream().map(UUID::toString).toList())).projection(new Document("_id", 1))) {
            processed.add(done.getString("_id"));
        }

        Map<String, LocalDate> placedDays = new HashMap<>();
        List<WriteModel<Document>> orders = new ArrayList<>();
        for (Delivery delivery : unique.values()) {
            if (delivery.event() instanceof OrderPlaced placed) {
                LocalDate day = LocalDate.ofInstant(placed.occurredAt(), ZoneOffset.UTC);
                placedDays.putIfAbsent(placed.orderId().toString(), day);
                if (!processed.contains(delivery.id().toString())) {
                    orders.add(new UpdateOneModel<>(Filters.eq("_id", placed.orderId().toString()),
                            Updates.setOnInsert("day", day.toString()), new UpdateOptions().upsert(true)));
                }
            }
        }
        lookUpPlacedDays(generation, unique.values(), placedDays);

        Set<LocalDate> touched = new LinkedHashSet<>();
        Map<Dimension, List<WriteModel<Document>>> buckets = new EnumMap<>(Dimension.class);
        List<WriteModel<Document>> records = new ArrayList<>();
        for (Delivery delivery : unique.values()) {
            String id = delivery.id().toString();
            LocalDate day = placedDays.get(delivery.event().orderId().toString());
            if (day == null) {
                outcomes.put(delivery.id(), Outcome.NOT_YET_PLACED);
                continue;
            }
            touched.add(day);
            if (processed.contains(id)) {
                outcomes.put(delivery.id(), Outcome.DUPLICATE);
                continue;
            }
            outcomes.put(delivery.id(), Outcome.APPLIED);
            Document bucketIds = new Document();
            for (Contribution contribution : contributions(delivery.event())) {
                String bucket = day + "|" + contribution.key();
                buckets.computeIfAbsent(contribution.dimension(), d -> new ArrayList<>()).add(bucketUpdate(id, day, bucket, contribution));
                bucketIds.computeIfAbsent(contribution.dimension().name(), d -> new ArrayList<String>());
                bucketIds.getList(contribution.dimension().name(), String.class).add(bucket);
            }
            records.add(new InsertOneModel<>(new Document("_id", id).append("at", Date.from(clock.instant()))
                    .append("day", day.toString()).append("buckets", bucketIds)));
        }
        if (Duration.between(checkedAt, clock.instant()).compareTo(properties.pruneAfter().dividedBy(2)) > 0) {
            throw new IllegalStateException("batch too slow between its dedupe check and its writes; it will be redelivered");
        }
        write(generation.orders(), orders, false);
        for (Map.Entry<Dimension, List<WriteModel<Document>>> dimension : buckets.entrySet()) {
            write(generation.collection(dimension.getKey()), dimension.getValue(), true);
        }
        write(generation.processed(), records, false);
        versions.touched(touched);
        return outcomes;
    }

    /** Creates the indexes of a generation's collections: the days reports match, the age pruning looks for. */
    public void prepare(Generation generation) {
        for (Dimension dimension : Dimension.values()) {
            mongo.getCollection(generation.collection(dimension)).createIndex(Indexes.ascending("day"));
        }
        mongo.getCollection(generation.processed()).createIndex(Indexes.ascending("at"));
    }

    /** Drops the collections of every generation but the ones named: what earlier backfills replaced. */
    public void dropAllExcept(Set<Generation> kept) {
        for (String collection : mongo.getCollectionNames()) {
            Generation generation = generationOf(collection);
            if (generation != null && !kept.contains(generation)) {
                mongo.dropCollection(collection);
            }
        }
    }

    private static @Nullable Generation generationOf(String collection) {
        List<String> bases = new ArrayList<>(List.of("processed_events", "orders"));
        for (Dimension dimension : Dimension.values()) {
            bases.add(dimension.collection());
        }
        for (String base : bases) {
            if (collection.equals(base)) {
                return new Generation(0);
            }
            if (collection.startsWith(base + "_g") && collection.substring(base.length() + 2).matches("[0-9]{1,9}")) {
                return new Generation(Integer.parseInt(collection.substring(base.length() + 2)));
            }
        }
        return null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareActive() {
        try {
            prepare(generations.current().active());
        } catch (RuntimeException e) {
            log.warn("Indexes of the aggregates not created yet (MongoDB: {}); reports still answer, more slowly", e.getMessage());
        }
    }

    /** Forgets, in the buckets, the events recorded as processed before {@code prune-after}; returns how many. */
    public int pruneMarkers() {
        Generations.Targets targets = generations.current();
        int pruned = 0;
        for (Generation generation : targets.all()) {
            pruned += pruneMarkers(generation, clock.instant().minus(properties.pruneAfter()));
        }
        return pruned;
    }

    private int pruneMarkers(Generation generation, Instant before) {
        List<Document> due = mongo.getCollection(generation.processed())
                .find(Filters.and(Filters.exists("pruned", false), Filters.lt("at", Date.from(before))))
                .limit(properties.pruneBatch()).into(new ArrayList<>());
        if (due.isEmpty()) {
            return 0;
        }
        Map<Dimension, List<WriteModel<Document>>> pulls = new EnumMap<>(Dimension.class);
        for (Document record : due) {
            Document bucketIds = record.get("buckets", Document.class);
            for (Dimension dimension : Dimension.values()) {
                List<String> ids = bucketIds == null ? null : bucketIds.getList(dimension.name(), String.class);
                for (String bucket : ids == null ? List.<String>of() : ids) {
                    pulls.computeIfAbsent(dimension, d -> new ArrayList<>()).add(new UpdateOneModel<>(Filters.eq("_id", bucket),
                            Updates.pull("events", record.getString("_id"))));
                }
            }
        }
        for (Map.Entry<Dimension, List<WriteModel<Document>>> dimension : pulls.entrySet()) {
            write(generation.collection(dimension.getKey()), dimension.getValue(), false);
        }
        List<String> ids = due.stream().map(record -> record.getString("_id")).toList();
        write(generation.processed(), List.of(new UpdateManyModel<>(Filters.in("_id", ids), Updates.set("pruned", true))), false);
        return due.size();
    }

    private void lookUpPlacedDays(Generation generation, Iterable<Delivery> deliveries, Map<String, LocalDate> placedDays) {
        List<String> unknown = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            String orderId = delivery.event().orderId().toString();
            if (delivery.event() instanceof OrderCancelled && !placedDays.containsKey(orderId)) {
                unknown.add(orderId);
            }
        }
        if (!unknown.isEmpty()) {
            for (Document order : mongo.getCollection(generation.orders()).find(Filters.in("_id", unknown))) {
                placedDays.put(order.getString("_id"), LocalDate.parse(order.getString("day")));
            }
        }
    }

    private static List<Contribution> contributions(OrderEvent event) {
        return switch (event) {
            case OrderPlaced placed -> Contribution.of(placed.country(), placed.lines(), placed.totalsEur().subtotal(), 1);
            case OrderCancelled cancelled ->
                    Contribution.of(cancelled.country(), cancelled.lines(), cancelled.totalsEur().subtotal(), -1);
        };
    }

    private static UpdateOneModel<Document> bucketUpdate(String eventId, LocalDate day, String bucket, Contribution contribution) {
        Bson notYetSeen = Filters.and(Filters.eq("_id", bucket), Filters.ne("events", eventId));
        Bson update = Updates.combine(
                Updates.inc("orders", contribution.orders()),
                Updates.inc("units", contribution.units()),
                Updates.inc("revenueEur", new Decimal128(contribution.revenueEur())),
                Updates.addToSet("events", eventId),
                Updates.setOnInsert("day", day.toString()),
                Updates.setOnInsert("key", contribution.key()));
        return new UpdateOneModel<>(notYetSeen, update, new UpdateOptions().upsert(true));
    }

    /**
     * One unordered bulk write. Duplicate keys mean "already there" (an order's day, a processed record);
     * for bucket upserts they are retried once, one by one, as the class comment explains.
     */
    private void write(String collection, List<WriteModel<Document>> writes, boolean retryDuplicates) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            mongo.getCollection(collection).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            List<WriteModel<Document>> retries = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                retries.add(writes.get(error.getIndex()));
            }
            if (retryDuplicates) {
                for (WriteModel<Document> retry : retries) {
                    try {
                        mongo.getCollection(collection).bulkWrite(List.of(retry));
                    } catch (MongoBulkWriteException again) {
                        if (again.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                            throw again;
                        }
                    }
                }
            }
        }
    }
}
