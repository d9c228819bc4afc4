package dev.flotilla.analytics.backfill;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.flotilla.analytics.aggregate.AggregateProperties;
import dev.flotilla.analytics.aggregate.AggregateVersions;
import dev.flotilla.analytics.aggregate.Generation;
import dev.flotilla.analytics.aggregate.Generations;
import dev.flotilla.analytics.aggregate.SalesAggregates;
import dev.flotilla.analytics.consumer.ConsumerProperties;
import dev.flotilla.order.events.MalformedOrderEventException;
import dev.flotilla.order.events.OrderEventCodec;
import dev.flotilla.order.events.OrderEventStream;
import dev.flotilla.order.events.ReceivedOrderEvent;
import dev.flotilla.web.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the aggregates from the stream's retained history into a fresh generation and swaps it in;
 * reports keep reading the active generation until the swap, which is one update of one document.
 *
 * <p>The backfill first claims the next generation (so consumers start writing every new event to it
 * as well), then reads the stream from its first entry to its end, a page at a time, applying each page
 * exactly as a consumer would (events applied twice, by the backfill and by a consumer, count once).
 * Every event is in the part of the stream read after the claim, or was written to the new generation
 * by a consumer that saw the claim: {@link SalesAggregates} explains why. What the stream no longer
 * holds (trimmed away) is not in the rebuilt aggregates: a backfill rebuilds the retained history.
 *
 * <p>One backfill at a time in the whole deployment. A backfill whose instance died stops beating; after
 * {@code backfill-stale-after} another may take over (the dead one's generation is dropped).
 */
@Component
public class Backfill implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Backfill.class);

    private final StringRedisTemplate redis;
    private final SalesAggregates aggregates;
    private final Generations generations;
    private final AggregateVersions versions;
    private final AggregateProperties properties;
    private final ConsumerProperties stream;
    private final Clock clock;
    private final OrderEventCodec codec = new OrderEventCodec();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "aggregates-backfill");
        thread.setDaemon(true);
        return thread;
    });

    Backfill(StringRedisTemplate redis, SalesAggregates aggregates, Generations generations, AggregateVersions versions,
            AggregateProperties properties, ConsumerProperties stream, Clock clock) {
        this.redis = redis;
        this.aggregates = aggregates;
        this.generations = generations;
        this.versions = versions;
        this.properties = properties;
        this.stream = stream;
        this.clock = clock;
    }

    /** Starts a backfill in the background; 409 when one is running. */
    public Generation start() {
        Generation building = generations.beginBuilding(clock.instant(), properties.backfillStaleAfter())
                .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT,
                        "a backfill is running; follow it at GET /api/analytics/backfill"));
        runner.execute(() -> run(building));
        return building;
    }

    /** Runs a backfill to its end in the calling thread; the generation it built, swapped in, or an exception. */
    public Generation runNow() {
        Generation building = generations.beginBuilding(clock.instant(), properties.backfillStaleAfter())
                .orElseThrow(() -> new IllegalStateException("a backfill is running"));
        if (!run(building)) {
            throw new IllegalStateException("backfill of generation " + building.number() + " failed: "
                    + generations.state().last());
        }
        return building;
    }

    private boolean run(Generation building) {
        Generations.Progress progress = Generations.Progress.NONE;
        try {
            Generation active = generations.current().active();
            aggregates.dropAllExcept(Set.of(active, building));
            aggregates.prepare(building);
            String after = null;
            while (true) {
                Range<String> range = after == null ? Range.unbounded() : Range.rightUnbounded(Range.Bound.exclusive(after));
                List<MapRecord<String, Object, Object>> page = redis.opsForStream().range(stream.streamKey(), range,
                        Limit.limit().count(properties.backfillPage()));
                if (page == null || page.isEmpty()) {
                    break;
                }
                progress = apply(building, page, progress);
                after = page.getLast().getId().getValue();
                if (!generations.heartbeat(building, clock.instant(), progress)) {
                    log.warn("Backfill of generation {} was taken over; stopping", building.number());
                    return false;
                }
            }
            if (!generations.swap(building, clock.instant(), progress)) {
                log.warn("Backfill of generation {} was taken over before its swap", building.number());
                return false;
            }
            versions.swapped();
            log.info("Backfill done: generation {} is active ({} events read, {} applied, {} skipped, {} malformed)",
                    building.number(), progress.read(), progress.applied(), progress.skipped(), progress.malformed());
            return true;
        } catch (RuntimeException e) {
            log.error("Backfill of generation {} failed", building.number(), e);
            generations.abandon(building, clock.instant(), progress, String.valueOf(e.getMessage()));
            return false;
        }
    }

    private Generations.Progress apply(Generation building, List<MapRecord<String, Object, Object>> page,
            Generations.Progress progress) {
        List<SalesAggregates.Delivery> deliveries = new ArrayList<>();
        long malformed = 0;
        for (MapRecord<String, Object, Object> record : page) {
            Object document = record.getValue().get(OrderEventStream.EVENT_FIELD);
            try {
                ReceivedOrderEvent event = codec.read(document == null ? "" : document.toString());
                deliveries.add(new SalesAggregates.Delivery(event.id(), event.event()));
            } catch (MalformedOrderEventException e) {
                malformed++;
            }
        }
        Map<UUID, SalesAggregates.Outcome> outcomes = aggregates.applyTo(building, deliveries);
        long applied = outcomes.values().stream().filter(o -> o == SalesAggregates.Outcome.APPLIED).count();
        long skipped = outcomes.values().stream().filter(o -> o == SalesAggregates.Outcome.NOT_YET_PLACED).count();
        return new Generations.Progress(progress.read() + page.size(), progress.applied() + applied,
                progress.skipped() + skipped, progress.malformed() + malformed);
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
