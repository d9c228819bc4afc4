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
 * <ol>
 *   <li><b>Claim.</b> An event recorded in {@code processed_events} is a duplicate. The others are
 *       claimed in {@code aggregate_claims} (unique {@code _id}), in a token of this batch, until a lease
 *       ({@code lease}, 30 s) ends. An event claimed already is held by another consumer (left for
 *       later) or by one whose lease ran out, which is taken over with a compare-and-set on the old
 *       owner. After claiming, the records are looked up once more: a consumer records its events
 *       before it releases its claims, so an event applied meanwhile is seen.</li>
 *   <li><b>Write.</b> Each bucket the batch touches is changed once, by the sum of the batch's events
 *       in it, with one idempotent statement: {@code updateOne({_id: bucket, events: {$nin: [token]}},
 *       {$inc: ..., $addToSet: {events: token}}, upsert)}, where the token names this batch's claim. On a
 *       bucket that has the token, the upsert tries to insert, meets the existing {@code _id} and fails with
 *       a duplicate key. The same failure comes when another consumer created the bucket a moment earlier,
 *       so a duplicate key is retried once: the bucket exists then, and a second duplicate key can only
 *       mean that it has the token. An event taken over from a dead consumer is written under the new
 *       token, skipping the buckets that have any of its earlier owners' tokens (written, atomically, with
 *       their whole batch).</li>
 *   <li><b>Done.</b> The events are recorded in {@code processed_events}, the claims released (a
 *       compare-and-set on the owner), then the buckets forget the token ({@code $pullAll}), so the marker
 *       arrays only hold the batches being applied right now, whatever the rate.</li>
 * </ol>
 * Only then is the message acknowledged. A consumer that dies after its claim leaves the claim: once
 * the lease ends, a redelivery takes it over and writes again, the buckets already changed skipping it
 * by their markers. One that dies after recording leaves its token behind, which {@link #sweepMarkers}
 * removes once no claim names it. A call that stalls past
 * half its lease before writing abandons its batch (it will be redelivered), so a takeover can only
 * meet a first owner's writes that were already made.
 * The one assumption: a write does not stay in flight for more than half a lease.
 *
 * <p>A batch of events is applied with one bulk write per collection and step, one update per bucket.
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
        NOT_YET_PLACED,
        /** Being applied by another consumer right now: to be retried (it may die before it is done). */
        IN_PROGRESS
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
        List<Delivery> settled = deliveries.stream()
                .filter(d -> outcomes.get(d.id()) == Outcome.APPLIED || outcomes.get(d.id()) == Outcome.DUPLICATE).toList();
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
        Map<String, Delivery> unique = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            if (unique.putIfAbsent(delivery.id().toString(), delivery) != null) {
                outcomes.put(delivery.id(), Outcome.DUPLICATE);
            }
        }
        if (unique.isEmpty()) {
            return outcomes;
        }
        Map<String, LocalDate> placedDays = new HashMap<>();
        for (Delivery delivery : unique.values()) {
            if (delivery.event() instanceof OrderPlaced placed) {
                placedDays.putIfAbsent(placed.orderId().toString(), LocalDate.ofInstant(placed.occurredAt(), ZoneOffset.UTC));
            }
        }
        lookUpPlacedDays(generation, unique.values(), placedDays);

        // 1. Claim every event not applied yet, in this batch's token, for the lease.
        Instant claimedAt = clock.instant();
        String owner = UUID.randomUUID().toString();
        Set<String> applied = existing(generation.processed(), unique.keySet());
        Map<String, Application> claims = new LinkedHashMap<>();
        Set<LocalDate> touched = new LinkedHashSet<>();
        for (Delivery delivery : unique.values()) {
            LocalDate day = placedDays.get(delivery.event().orderId().toString());
            if (applied.contains(delivery.id().toString())) {
                outcomes.put(delivery.id(), Outcome.DUPLICATE);
                if (day != null) {
                    touched.add(day);
                }
            } else if (day == null) {
                outcomes.put(delivery.id(), Outcome.NOT_YET_PLACED);
            } else {
                touched.add(day);
                claims.put(delivery.id().toString(), new Application(delivery, day, contributions(delivery.event())));
            }
        }
        Map<String, Outcome> others = new HashMap<>();
        Map<String, List<String>> claimed = claim(generation, claims, owner, claimedAt, others);
        // Applied by another consumer between the first look and the claim (it records them before it
        // releases its claim): a claim that succeeded sees its record.
        Set<String> late = existing(generation.processed(), claimed.keySet());
        if (!late.isEmpty()) {
            late.forEach(id -> others.put(id, Outcome.DUPLICATE));
            claimed.keySet().removeAll(late);
            mongo.getCollection(generation.claims()).deleteMany(Filters.and(Filters.in("_id", late), Filters.eq("owner", owner)));
        }
        others.forEach((id, outcome) -> outcomes.put(UUID.fromString(id), outcome));

        // 2. Write the orders' days, then each bucket once with the sum of the batch's events in it,
        //    remembering this batch's owner token (and skipping what earlier owners of an event wrote).
        List<WriteModel<Document>> orders = new ArrayList<>();
        Map<Dimension, Map<BucketWrite, Contribution>> sums = new EnumMap<>(Dimension.class);
        for (Map.Entry<String, List<String>> claim : claimed.entrySet()) {
            Application application = claims.get(claim.getKey());
            if (application.delivery().event() instanceof OrderPlaced placed) {
                orders.add(new UpdateOneModel<>(Filters.eq("_id", placed.orderId().toString()),
                        Updates.setOnInsert("day", application.day().toString()), new UpdateOptions().upsert(true)));
            }
            for (Contribution contribution : application.contributions()) {
                sums.computeIfAbsent(contribution.dimension(), d -> new LinkedHashMap<>())
                        .merge(new BucketWrite(application.day(), contribution.key(), claim.getValue()), contribution,
                                Contribution::plus);
            }
            outcomes.put(application.delivery().id(), Outcome.APPLIED);
        }
        if (Duration.between(claimedAt, clock.instant()).compareTo(properties.lease().dividedBy(2)) > 0) {
            // Past half the lease another consumer may take these events over: leave them to it.
            throw new IllegalStateException("batch too slow between its claim and its writes; it will be redelivered");
        }
        write(generation.orders(), orders, false);
        Map<Dimension, Set<String>> touchedBuckets = new EnumMap<>(Dimension.class);
        for (Map.Entry<Dimension, Map<BucketWrite, Contribution>> dimension : sums.entrySet()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            dimension.getValue().forEach((write, sum) -> {
                writes.add(bucketUpdate(owner, write, sum));
                touchedBuckets.computeIfAbsent(dimension.getKey(), d -> new LinkedHashSet<>()).add(write.bucket());
            });
            write(generation.collection(dimension.getKey()), writes, true);
        }

        // 3. Done: the processed records (a redelivery now stops there), the claims released, the
        //    buckets' markers forgotten.
        if (!claimed.isEmpty()) {
            List<WriteModel<Document>> records = new ArrayList<>();
            for (String id : claimed.keySet()) {
                records.add(new InsertOneModel<>(new Document("_id", id).append("at", Date.from(clock.instant()))
                        .append("day", claims.get(id).day().toString())));
            }
            write(generation.processed(), records, false);
            long released = mongo.getCollection(generation.claims())
                    .deleteMany(Filters.and(Filters.in("_id", claimed.keySet()), Filters.eq("owner", owner))).getDeletedCount();
            if (released == claimed.size()) {
                forget(generation, touchedBuckets, List.of(owner));
            }
            // Otherwise some were taken over while this call stalled: their new owner needs this batch's
            // token to know what it wrote; the sweep removes it once no claim names it.
        }
        versions.touched(touched);
        return outcomes;
    }

    /** An event this call applies: the day its order was placed and what it adds to which buckets. */
    private record Application(Delivery delivery, LocalDate day, List<Contribution> contributions) {
    }

    /**
     * Claims the events for {@code owner} until the lease ends. An event claimed already is held by a
     * live claim (IN_PROGRESS, retried later), was applied in the meantime (DUPLICATE), or is held by a
     * claim whose lease ran out: taken over, with a compare-and-set on the old owner, and applied again
     * (the buckets its earlier owners reached skip it).
     *
     * @return the ids now claimed by {@code owner}, each with the owners it had before (whose writes
     *     stand); the others' outcomes go to {@code others}
     */
    private Map<String, List<String>> claim(Generation generation, Map<String, Application> claims, String owner, Instant now,
            Map<String, Outcome> others) {
        Date leaseUntil = Date.from(now.plus(properties.lease()));
        List<WriteModel<Document>> inserts = new ArrayList<>();
        List<String> ids = new ArrayList<>(claims.keySet());
        for (String id : ids) {
            inserts.add(new InsertOneModel<>(new Document("_id", id).append("owner", owner).append("leaseUntil", leaseUntil)));
        }
        Map<String, List<String>> claimed = new LinkedHashMap<>();
        ids.forEach(id -> claimed.put(id, List.of()));
        if (inserts.isEmpty()) {
            return claimed;
        }
        Set<String> taken = new LinkedHashSet<>();
        try {
            mongo.getCollection(generation.claims()).bulkWrite(inserts, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                taken.add(ids.get(error.getIndex()));
            }
        }
        if (taken.isEmpty()) {
            return claimed;
        }
        claimed.keySet().removeAll(taken);
        Set<String> held = new HashSet<>();
        for (Document claim : mongo.getCollection(generation.claims()).find(Filters.in("_id", taken))) {
            String id = claim.getString("_id");
            held.add(id);
            Date expiry = claim.getDate("leaseUntil");
            if (expiry != null && expiry.toInstant().isBefore(now) && mongo.getCollection(generation.claims())
                    .updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("owner", claim.getString("owner"))),
                            Updates.combine(Updates.set("owner", owner), Updates.set("leaseUntil", leaseUntil),
                                    Updates.push("history", claim.getString("owner"))))
                    .getModifiedCount() == 1) {
                List<String> earlier = new ArrayList<>(claim.getList("history", String.class, List.of()));
                earlier.add(claim.getString("owner"));
                claimed.put(id, earlier.stream().sorted().distinct().toList());
            } else {
                others.put(id, Outcome.IN_PROGRESS);
            }
        }
        // Released between the insert and the read: applied by their holder, or about to be.
        Set<String> released = new HashSet<>(taken);
        released.removeAll(held);
        Set<String> done = existing(generation.processed(), released);
        released.forEach(id -> others.put(id, done.contains(id) ? Outcome.DUPLICATE : Outcome.IN_PROGRESS));
        return claimed;
    }

    /** Which of the ids a collection holds (a lookup by {@code _id} alone, which every engine serves from its index). */
    private Set<String> existing(String collection, Set<String> ids) {
        Set<String> found = new HashSet<>();
        if (!ids.isEmpty()) {
            for (Document document : mongo.getCollection(collection).find(Filters.in("_id", ids)).projection(new Document("_id", 1))) {
                found.add(document.getString("_id"));
            }
        }
        return found;
    }

    /** Removes owner tokens from the buckets' markers: one update per bucket. */
    private void forget(Generation generation, Map<Dimension, Set<String>> buckets, List<String> tokens) {
        for (Map.Entry<Dimension, Set<String>> dimension : buckets.entrySet()) {
            List<WriteModel<Document>> pulls = new ArrayList<>();
            for (String bucket : dimension.getValue()) {
                pulls.add(new UpdateOneModel<>(Filters.eq("_id", bucket), Updates.pullAll("events", tokens)));
            }
            write(generation.collection(dimension.getKey()), pulls, false);
        }
    }

    /**
     * One bucket's part of a batch: its day and key, and the earlier owners of the events in it (empty
     * unless they were taken over), whose markers mean "written already".
     */
    private record BucketWrite(LocalDate day, String key, List<String> earlierOwners) {
        String bucket() {
            return day + "|" + key;
        }
    }

    /** Creates the indexes of a generation's collections: the days reports match, the tokens the sweep looks for. */
    public void prepare(Generation generation) {
        for (Dimension dimension : Dimension.values()) {
            mongo.getCollection(generation.collection(dimension)).createIndex(Indexes.ascending("day"));
        }
        mongo.getCollection(generation.claims()).createIndex(Indexes.ascending("owner"));
        mongo.getCollection(generation.claims()).createIndex(Indexes.ascending("history"));
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
        List<String> bases = new ArrayList<>(List.of("processed_events", "orders", "aggregate_claims"));
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

    /**
     * Removes the tokens a consumer left in the buckets when it died between recording its events and
     * forgetting them: every token no claim names, as owner or earlier owner. Tokens of batches still
     * being applied, or taken over, stay. Returns how many tokens went.
     */
    public int sweepMarkers() {
        int swept = 0;
        for (Generation generation : generations.current().all()) {
            for (Dimension dimension : Dimension.values()) {
                swept += sweepMarkers(generation, dimension);
            }
        }
        return swept;
    }

    private int sweepMarkers(Generation generation, Dimension dimension) {
        Map<String, List<String>> markers = new LinkedHashMap<>();
        for (Document bucket : mongo.getCollection(generation.collection(dimension)).find(Filters.exists("events.0"))
                .projection(new Document("events", 1)).limit(properties.sweepBatch())) {
            markers.put(bucket.getString("_id"), bucket.getList("events", String.class));
        }
        Set<String> tokens = new LinkedHashSet<>();
        markers.values().forEach(tokens::addAll);
        if (tokens.isEmpty()) {
            return 0;
        }
        // A token is still needed while an event it claimed is being applied, by it or by whoever took it over.
        Set<String> live = new HashSet<>();
        for (Document record : mongo.getCollection(generation.claims())
                .find(Filters.or(Filters.in("owner", tokens), Filters.in("history", tokens)))
                .projection(new Document("owner", 1).append("history", 1))) {
            live.add(record.getString("owner"));
            live.addAll(record.getList("history", String.class, List.of()));
        }
        int swept = 0;
        List<WriteModel<Document>> pulls = new ArrayList<>();
        for (Map.Entry<String, List<String>> bucket : markers.entrySet()) {
            List<String> stale = bucket.getValue().stream().filter(token -> !live.contains(token)).toList();
            if (!stale.isEmpty()) {
                pulls.add(new UpdateOneModel<>(Filters.eq("_id", bucket.getKey()), Updates.pullAll("events", stale)));
                swept += stale.size();
            }
        }
        write(generation.collection(dimension), pulls, false);
        return swept;
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

    private static UpdateOneModel<Document> bucketUpdate(String owner, BucketWrite write, Contribution sum) {
        List<String> written = new ArrayList<>(write.earlierOwners());
        written.add(owner);
        Bson notYetWritten = Filters.and(Filters.eq("_id", write.bucket()), Filters.nin("events", written));
        Bson update = Updates.combine(
                Updates.inc("orders", sum.orders()),
                Updates.inc("units", sum.units()),
                Updates.inc("revenueEur", new Decimal128(sum.revenueEur())),
                Updates.addToSet("events", owner),
                Updates.setOnInsert("day", write.day().toString()),
                Updates.setOnInsert("key", write.key()));
        return new UpdateOneModel<>(notYetWritten, update, new UpdateOptions().upsert(true));
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
