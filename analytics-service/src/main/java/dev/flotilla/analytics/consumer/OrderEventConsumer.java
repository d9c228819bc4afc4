package dev.flotilla.analytics.consumer;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flotilla.analytics.aggregate.AggregateProperties;
import dev.flotilla.analytics.aggregate.SalesAggregates;
import dev.flotilla.analytics.live.LiveCounters;
import dev.flotilla.order.events.MalformedOrderEventException;
import dev.flotilla.order.events.OrderEvent;
import dev.flotilla.order.events.OrderEventCodec;
import dev.flotilla.order.events.OrderEventStream;
import dev.flotilla.order.events.ReceivedOrderEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the order events with a consumer group and applies each to the aggregates, acknowledging it
 * only once it is stored ({@link SalesAggregates} and {@link LiveCounters} make every delivery after
 * the first harmless).
 * Messages another consumer took and did not acknowledge within {@code claim-after} are claimed
 * (XPENDING with an idle filter, then XCLAIM); a message delivered {@code max-deliveries} times, or
 * one that cannot be read at all, goes to the dead-letter stream with the reason and is acknowledged,
 * so that no single message ever stops the consumer.
 */
@Component
public class OrderEventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderEventConsumer.class);

    private final StringRedisTemplate redis;
    private final SalesAggregates aggregates;
    private final LiveCounters live;
    private final Clock clock;
    private final ConsumerProperties properties;
    private final AggregateProperties aggregateProperties;
    private final OrderEventCodec codec = new OrderEventCodec();
    private final String name;
    private volatile boolean running;
    private Thread thread;

    OrderEventConsumer(StringRedisTemplate redis, SalesAggregates aggregates, LiveCounters live, ConsumerProperties properties,
            AggregateProperties aggregateProperties, Clock clock, @Value("${spring.data.redis.timeout:60s}") Duration redisTimeout) {
        if (properties.block().compareTo(redisTimeout) >= 0) {
            throw new IllegalStateException("flotilla.analytics.consumer.block (" + properties.block()
                    + ") must be shorter than spring.data.redis.timeout (" + redisTimeout + "): every idle read would time out");
        }
        if (aggregateProperties.lease().compareTo(properties.claimAfter().multipliedBy(properties.maxDeliveries() - 1)) >= 0) {
            throw new IllegalStateException("flotilla.analytics.aggregates.lease (" + aggregateProperties.lease()
                    + ") must end before a dead consumer's messages are dead-lettered: keep it below claim-after x "
                    + "(max-deliveries - 1)");
        }
        this.aggregateProperties = aggregateProperties;
        this.redis = redis;
        this.aggregates = aggregates;
        this.live = live;
        this.clock = clock;
        this.properties = properties;
        this.name = properties.name() != null && !properties.name().isBlank() ? properties.name() : hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** One round: claims what dead consumers left, then reads new messages. Returns the messages handled. */
    public int pollOnce() {
        ensureGroup();
        int handled = claimAbandoned();
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(Consumer.from(properties.group(), name),
                StreamReadOptions.empty().count(properties.batchSize()).block(properties.block()),
                StreamOffset.create(properties.streamKey(), ReadOffset.lastConsumed()));
        if (records != null && !records.isEmpty()) {
            handle(records);
            handled += records.size();
        }
        return handled;
    }

    private int claimAbandoned() {
        List<PendingMessage> stale = redis.opsForStream().pending(properties.streamKey(), properties.group(),
                Range.unbounded(), properties.batchSize(), properties.claimAfter()).toList();
        if (stale.isEmpty()) {
            return 0;
        }
        Map<String, Long> deliveries = new HashMap<>();
        for (PendingMessage message : stale) {
            deliveries.put(message.getIdAsString(), message.getTotalDeliveryCount());
        }
        List<MapRecord<String, Object, Object>> claimed = redis.opsForStream().claim(properties.streamKey(),
                properties.group(), name, properties.claimAfter(),
                stale.stream().map(PendingMessage::getId).toArray(RecordId[]::new));
        List<MapRecord<String, Object, Object>> retried = new ArrayList<>();
        for (MapRecord<String, Object, Object> record : claimed) {
            long delivered = deliveries.getOrDefault(record.getId().getValue(), 0L);
            if (delivered >= properties.maxDeliveries()) {
                deadLetter(record, "delivered " + delivered + " times without being applied");
            } else {
                retried.add(record);
            }
        }
        handle(retried);
        return claimed.size();
    }

    /**
     * Applies a batch: malformed messages to the dead-letter stream, the events to the aggregates in
     * one go, then each to the live counters; acknowledges what is stored, in one XACK. What fails is
     * left pending: redelivered after claim-after, dead-lettered after max-deliveries.
     */
    private void handle(List<MapRecord<String, Object, Object>> records) {
        Map<UUID, RecordId> messages = new LinkedHashMap<>();
        List<RecordId> done = new ArrayList<>();
        List<SalesAggregates.Delivery> deliveries = new ArrayList<>();
        for (MapRecord<String, Object, Object> record : records) {
            Object document = record.getValue().get(OrderEventStream.EVENT_FIELD);
            try {
                ReceivedOrderEvent event = codec.read(document == null ? "" : document.toString());
                deliveries.add(new SalesAggregates.Delivery(event.id(), event.event()));
                if (messages.putIfAbsent(event.id(), record.getId()) != null) {
                    done.add(record.getId());
                }
            } catch (MalformedOrderEventException e) {
                deadLetter(record, "malformed: " + e.getMessage());
            }
        }
        if (deliveries.isEmpty()) {
            return;
        }
        Map<UUID, SalesAggregates.Outcome> outcomes;
        try {
            outcomes = aggregates.applyAll(deliveries);
        } catch (RuntimeException e) {
            log.warn("{} order events not applied yet: {}", deliveries.size(), e.getMessage());
            return;
        }
        Map<UUID, OrderEvent> stored = new LinkedHashMap<>();
        for (SalesAggregates.Delivery delivery : deliveries) {
            SalesAggregates.Outcome outcome = outcomes.get(delivery.id());
            if (outcome == SalesAggregates.Outcome.NOT_YET_PLACED) {
                log.info("Order event {} waits: its order {} has not been placed yet", delivery.id(), delivery.event().orderId());
            } else if (outcome == SalesAggregates.Outcome.IN_PROGRESS) {
                log.info("Order event {} waits: another consumer is applying it", delivery.id());
            } else {
                stored.put(delivery.id(), delivery.event());
            }
        }
        try {
            live.applyAll(stored, LiveCounters.today(clock));
            stored.keySet().forEach(id -> done.add(messages.get(id)));
        } catch (RuntimeException e) {
            log.warn("{} order events not counted live yet: {}", stored.size(), e.getMessage());
        }
        if (!done.isEmpty()) {
            redis.opsForStream().acknowledge(properties.streamKey(), properties.group(), done.toArray(RecordId[]::new));
        }
    }

    private void deadLetter(MapRecord<String, Object, Object> record, String reason) {
        Object document = record.getValue().get(OrderEventStream.EVENT_FIELD);
        redis.opsForStream().add(StreamRecords.string(Map.of(
                OrderEventStream.EVENT_FIELD, document == null ? "" : document.toString(),
                "reason", reason,
                "messageId", record.getId().getValue(),
                "group", properties.group())).withStreamKey(properties.deadLetterKey()));
        redis.opsForStream().acknowledge(properties.streamKey(), properties.group(), record.getId());
        log.warn("Order-event message {} dead-lettered: {}", record.getId(), reason);
    }

    private void ensureGroup() {
        try {
            redis.opsForStream().createGroup(properties.streamKey(), ReadOffset.from("0"), properties.group());
        } catch (RedisSystemException e) {
            // BUSYGROUP: the group exists.
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "order-events-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Instant nextSweep = clock.instant();
        while (running) {
            try {
                pollOnce();
                if (!clock.instant().isBefore(nextSweep)) {
                    nextSweep = clock.instant().plus(aggregateProperties.sweepEvery());
                    aggregates.sweepMarkers();
                }
            } catch (RuntimeException e) {
                log.warn("Reading order events failed: {}; retrying", e.getMessage());
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(properties.block().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(properties.block().toMillis() * 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    String name() {
        return name;
    }


    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "analytics";
        }
    }
}
