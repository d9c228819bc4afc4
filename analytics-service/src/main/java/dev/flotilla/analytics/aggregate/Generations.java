package dev.flotilla.analytics.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which aggregate generation reports read and which one a backfill is building, in one MongoDB
 * document ({@code aggregate_generations/sales}). Every change is a compare-and-set on that document,
 * so two backfills can never build at once and a swap happens exactly once.
 */
@Component
public class Generations {

    static final String COLLECTION = "aggregate_generations";
    private static final String ID = "sales";

    private final MongoTemplate mongo;

    Generations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The generation reports read, and the one being built, if any. */
    public record Targets(Generation active, @Nullable Generation building) {

        List<Generation> all() {
            List<Generation> all = new ArrayList<>(List.of(active));
            if (building != null) {
                all.add(building);
            }
            return all;
        }
    }

    /** What a backfill has done so far, or did. */
    public record Progress(long read, long applied, long skipped, long malformed) {
        public static final Progress NONE = new Progress(0, 0, 0, 0);

        Document toDocument() {
            return new Document("read", read).append("applied", applied).append("skipped", skipped).append("malformed", malformed);
        }

        static Progress of(@Nullable Document document) {
            if (document == null) {
                return NONE;
            }
            return new Progress(number(document, "read"), number(document, "applied"), number(document, "skipped"),
                    number(document, "malformed"));
        }
    }

    /**
     * The whole state, for the backfill's status.
     *
     * @param last the outcome of the last backfill that ended: {@code completed} or {@code failed: <reason>}
     */
    public record State(Generation active, @Nullable Generation building, @Nullable Instant buildingSince,
            @Nullable Instant heartbeat, Progress progress, @Nullable String last, @Nullable Instant lastEndedAt,
            Progress lastProgress) {
    }

    public Targets current() {
        State state = state();
        return new Targets(state.active(), state.building());
    }

    public State state() {
        Document document = mongo.findById(ID, Document.class, COLLECTION);
        if (document == null) {
            return new State(new Generation(0), null, null, null, Progress.NONE, null, null, Progress.NONE);
        }
        Integer building = document.getInteger("building");
        return new State(new Generation(document.getInteger("active", 0)), building == null ? null : new Generation(building),
                instant(document, "buildingSince"), instant(document, "heartbeat"), Progress.of(document.get("progress", Document.class)),
                document.getString("last"), instant(document, "lastEndedAt"), Progress.of(document.get("lastProgress", Document.class)));
    }

    /**
     * Claims the next generation for a backfill, unless one is being built and its builder is alive
     * (a heartbeat within {@code staleAfter}); empty when another backfill holds it or won the race.
     */
    public java.util.Optional<Generation> beginBuilding(Instant now, Duration staleAfter) {
        State state = state();
        if (state.building() != null && state.heartbeat() != null && state.heartbeat().isAfter(now.minus(staleAfter))) {
            return java.util.Optional.empty();
        }
        // Numbers are never reused: a generation a dead backfill left half-built is never written to again.
        Document document = mongo.findById(ID, Document.class, COLLECTION);
        int highest = Math.max(state.active().number(), document == null ? 0 : document.getInteger("lastNumber", 0));
        if (state.building() != null) {
            highest = Math.max(highest, state.building().number());
        }
        Generation next = new Generation(highest + 1);
        Update claim = new Update().set("building", next.number()).set("lastNumber", next.number()).set("buildingSince", Date.from(now))
                .set("heartbeat", Date.from(now)).set("progress", Progress.NONE.toDocument());
        Criteria unchanged = Criteria.where("_id").is(ID).and("active").is(state.active().number())
                .and("building").is(state.building() == null ? null : state.building().number());
        try {
            if (document == null) {
                mongo.insert(new Document("_id", ID).append("active", state.active().number()), COLLECTION);
            }
            if (mongo.updateFirst(Query.query(unchanged), claim, COLLECTION).getModifiedCount() == 1) {
                return java.util.Optional.of(next);
            }
        } catch (DuplicateKeyException e) {
            // Another backfill created the document first.
        }
        return java.util.Optional.empty();
    }

    /** Records progress; false when this generation is no longer the one being built (taken over). */
    public boolean heartbeat(Generation building, Instant now, Progress progress) {
        return mongo.updateFirst(buildingQuery(building), new Update().set("heartbeat", Date.from(now))
                .set("progress", progress.toDocument()), COLLECTION).getModifiedCount() == 1;
    }

    /** Makes the built generation the one reports read; false when it was no longer being built. */
    public boolean swap(Generation building, Instant now, Progress progress) {
        return mongo.updateFirst(buildingQuery(building), new Update().set("active", building.number()).unset("building")
                .unset("buildingSince").unset("heartbeat").set("last", "completed").set("lastEndedAt", Date.from(now))
                .set("lastProgress", progress.toDocument()), COLLECTION).getModifiedCount() == 1;
    }

    /** Gives up building a generation: reports stay on the active one. */
    public void abandon(Generation building, Instant now, Progress progress, String reason) {
        mongo.updateFirst(buildingQuery(building), new Update().unset("building").unset("buildingSince").unset("heartbeat")
                .set("last", "failed: " + reason).set("lastEndedAt", Date.from(now)).set("lastProgress", progress.toDocument()),
                COLLECTION);
    }

    private static Query buildingQuery(Generation building) {
        return Query.query(Criteria.where("_id").is(ID).and("building").is(building.number()));
    }

    private static @Nullable Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
