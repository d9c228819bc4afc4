package dev.flotilla.order.outbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.flotilla.order.events.OrderEvent;
import dev.flotilla.order.events.ReceivedOrderEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Relays on several replicas, with Redis down and stopped: every committed event reaches the stream once. */
@OutboxTest
class OutboxRelayTests {

    @Autowired
    OrderEventsOutbox outbox;

    @Autowired
    OutboxRows rows;

    @Autowired
    OutboxProperties properties;

    @Autowired
    RedisConnectionFactory redisConnections;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void emptyOutboxAndStream() {
        jdbc.sql("DELETE FROM outbox_event").update();
        redis.delete(properties.streamKey());
    }

    @Test
    void twoRelaysPollingAtOncePublishEveryEventExactlyOnce() throws Exception {
        Set<UUID> orders = appendCommitted(300);
        OutboxRelay first = relay(new EventStream(redisConnections, properties), 7);
        OutboxRelay second = relay(new EventStream(redisConnections, properties), 7);
        CyclicBarrier together = new CyclicBarrier(2);

        CompletableFuture<Integer> byFirst = CompletableFuture.supplyAsync(() -> drain(first, together));
        CompletableFuture<Integer> bySecond = CompletableFuture.supplyAsync(() -> drain(second, together));

        assertThat(byFirst.get() + bySecond.get()).isEqualTo(300);
        assertThat(byFirst.get()).as("both relays took part").isPositive();
        assertThat(bySecond.get()).as("both relays took part").isPositive();
        List<ReceivedOrderEvent> published = published();
        assertThat(published).hasSize(300);
        assertThat(published.stream().map(ReceivedOrderEvent::id).distinct()).hasSize(300);
        assertThat(published.stream().map(received -> received.event().orderId()).collect(Collectors.toSet()))
                .isEqualTo(orders);
        assertThat(unpublished()).isZero();
    }

    @Test
    void rowsLeftWhileRedisIsDownArePublishedByARelayStartedLater() throws IOException {
        Set<UUID> orders = appendCommitted(3);
        LettuceConnectionFactory deadRedis = deadRedis();
        try {
            OutboxRelay cutOff = relay(new EventStream(deadRedis, properties), 100);
            cutOff.scheduledPass();
            assertThat(unpublished()).isEqualTo(3);
            assertThat(attempts()).as("the first row was tried once").containsExactlyInAnyOrder(1, 0, 0);

            cutOff.scheduledPass();
            assertThat(attempts()).as("pausing after the failure, it did not try again at once")
                    .containsExactlyInAnyOrder(1, 0, 0);
        } finally {
            deadRedis.destroy();
        }

        OutboxRelay later = relay(new EventStream(redisConnections, properties), 100);
        assertThat(later.relay()).isEqualTo(3);
        assertThat(published().stream().map(received -> received.event().orderId()).collect(Collectors.toSet()))
                .isEqualTo(orders);
        assertThat(unpublished()).isZero();
    }

    @Test
    void aStoppedRelayClaimsNothingAndItsRowsWaitForTheNextStart() {
        appendCommitted(2);
        OutboxRelay relay = relay(new EventStream(redisConnections, properties), 100);
        relay.stop();

        assertThat(relay.relay()).isZero();
        assertThat(unpublished()).isEqualTo(2);

        relay.start();
        assertThat(relay.relay()).isEqualTo(2);
        assertThat(published()).hasSize(2);
    }

    @Test
    void theGaugesReportTheBacklogUntilItIsPublished() {
        appendCommitted(2);
        jdbc.sql("UPDATE outbox_event SET created_at = now() - interval '90 seconds'").update();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new OutboxMetrics(rows, Clock.systemUTC()).bindTo(meters);

        assertThat(meters.get("flotilla.outbox.unpublished").gauge().value()).isEqualTo(2);
        assertThat(meters.get("flotilla.outbox.oldest.unpublished.age").timeGauge().value()).isBetween(90.0, 120.0);

        relay(new EventStream(redisConnections, properties), 100).relay();
        SimpleMeterRegistry after = new SimpleMeterRegistry();
        new OutboxMetrics(rows, Clock.systemUTC()).bindTo(after);
        assertThat(after.get("flotilla.outbox.unpublished").gauge().value()).isZero();
        assertThat(after.get("flotilla.outbox.oldest.unpublished.age").timeGauge().value()).isZero();
    }

    /** Passes until the table has nothing left to publish; returns how many rows this relay published. */
    private int drain(OutboxRelay relay, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int total = 0;
        while (unpublished() > 0) {
            total += relay.relay();
        }
        return total;
    }

    private Set<UUID> appendCommitted(int count) {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        List<OrderEvent> events = IntStream.range(0, count).mapToObj(i -> (OrderEvent) OutboxTestSupport.placed()).toList();
        for (OrderEvent event : events) {
            transactions.executeWithoutResult(status -> outbox.append(event));
        }
        return events.stream().map(OrderEvent::orderId).collect(Collectors.toSet());
    }

    private OutboxRelay relay(EventStream stream, int batchSize) {
        OutboxProperties batched = new OutboxProperties(properties.streamKey(), properties.source(), properties.pollInterval(),
                batchSize, Duration.ofMinutes(1), Duration.ofMinutes(5), properties.streamRetention(),
                properties.tableRetention(), properties.cleanupInterval(), true);
        OutboxRelay relay = new OutboxRelay(rows, stream, transactionManager, batched, Clock.systemUTC(), new SimpleMeterRegistry());
        relay.start();
        return relay;
    }

    /** A Redis client pointed at a port nobody listens on. */
    private static LettuceConnectionFactory deadRedis() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("localhost", port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(300)).build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    private long unpublished() {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single();
    }

    private List<Integer> attempts() {
        return new ArrayList<>(jdbc.sql("SELECT attempts FROM outbox_event").query(Integer.class).list());
    }

    private List<ReceivedOrderEvent> published() {
        return OutboxTestSupport.published(redis, properties.streamKey());
    }
}
