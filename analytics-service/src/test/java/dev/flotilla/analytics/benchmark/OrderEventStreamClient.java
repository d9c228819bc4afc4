package dev.flotilla.analytics.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.flotilla.order.events.OrderEventStream;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The order-events stream as order-service writes it and as the consumer group stands on it, over
 * Lettuce: one connection publishes (pipelined, flushed once per batch), another reads the group's state.
 */
final class OrderEventStreamClient implements AutoCloseable {

    static final String GROUP = "analytics-service";
    static final String DEAD_LETTER_KEY = OrderEventStream.DEFAULT_KEY + ":dead-letter";
    private static final int BATCH = 1_000;
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> publishing;
    private final RedisCommands<String, String> commands;

    OrderEventStreamClient(String host, int port, int database) {
        this.client = RedisClient.create(RedisURI.builder().withHost(host).withPort(port).withDatabase(database).build());
        this.publishing = client.connect();
        this.publishing.setAutoFlushCommands(false);
        this.commands = client.connect().sync();
    }

    /** Where the consumer group stands: messages delivered and not acknowledged, and the last id delivered. */
    record GroupState(long pending, String lastDeliveredId) {
    }

    /** Adds the documents in batches of {@value #BATCH}, each batch written at once; returns the id of the last entry. */
    String publish(List<String> documents) throws InterruptedException {
        RedisAsyncCommands<String, String> async = publishing.async();
        String last = null;
        for (int from = 0; from < documents.size(); from += BATCH) {
            List<RedisFuture<String>> replies = new ArrayList<>(BATCH);
            for (String document : documents.subList(from, Math.min(documents.size(), from + BATCH))) {
                replies.add(async.xadd(OrderEventStream.DEFAULT_KEY, Map.of(OrderEventStream.EVENT_FIELD, document)));
            }
            publishing.flushCommands();
            for (RedisFuture<String> reply : replies) {
                last = reply(reply);
            }
        }
        return last;
    }

    /** The group's state, or null while the group does not exist yet. */
    GroupState group() {
        List<Object> groups;
        try {
            groups = commands.xinfoGroups(OrderEventStream.DEFAULT_KEY);
        } catch (RedisCommandExecutionException noStreamYet) {
            return null;
        }
        for (Object group : groups) {
            Map<String, Object> fields = fields((List<?>) group);
            if (GROUP.equals(fields.get("name"))) {
                return new GroupState(((Number) fields.get("pending")).longValue(), fields.get("last-delivered-id").toString());
            }
        }
        return null;
    }

    long length(String key) {
        return commands.xlen(key);
    }

    @Override
    public void close() {
        publishing.close();
        client.shutdown();
    }

    private static Map<String, Object> fields(List<?> alternating) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i + 1 < alternating.size(); i += 2) {
            fields.put(alternating.get(i).toString(), alternating.get(i + 1));
        }
        return fields;
    }

    private static String reply(RedisFuture<String> reply) throws InterruptedException {
        try {
            return reply.get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("XADD failed: " + e.getMessage(), e);
        }
    }
}
