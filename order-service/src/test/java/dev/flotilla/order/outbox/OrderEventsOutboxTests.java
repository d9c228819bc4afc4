package dev.flotilla.order.outbox;

import java.util.List;

import dev.flotilla.order.events.OrderPlaced;
import dev.flotilla.order.events.ReceivedOrderEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** An event is published exactly when the transaction that appended it committed, with its trace context. */
@OutboxTest
class OrderEventsOutboxTests {

    @Autowired
    OrderEventsOutbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    OutboxProperties properties;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tracer tracer;

    TransactionTemplate transactions;

    @Autowired
    void transactions(PlatformTransactionManager transactionManager) {
        transactions = new TransactionTemplate(transactionManager);
    }

    @BeforeEach
    void emptyOutboxAndStream() {
        jdbc.sql("DELETE FROM outbox_event").update();
        redis.delete(properties.streamKey());
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        transactions.executeWithoutResult(status -> {
            outbox.append(OutboxTestSupport.placed());
            status.setRollbackOnly();
        });

        assertThat(relay.relay()).isZero();
        assertThat(rows()).isZero();
        assertThat(published()).isEmpty();
    }

    @Test
    void aCommittedEventIsPublishedExactlyOnce() {
        OrderPlaced placed = OutboxTestSupport.placed();
        transactions.executeWithoutResult(status -> outbox.append(placed));

        assertThat(relay.relay()).isEqualTo(1);
        assertThat(relay.relay()).as("a second pass finds nothing to publish").isZero();

        List<ReceivedOrderEvent> published = published();
        assertThat(published).singleElement().satisfies(received -> {
            assertThat(received.event()).isEqualTo(placed);
            assertThat(received.type()).isEqualTo(OrderPlaced.TYPE);
            assertThat(received.source()).isEqualTo("/flotilla/order-service");
        });
        assertThat(jdbc.sql("SELECT id FROM outbox_event WHERE published_at IS NOT NULL AND attempts = 1")
                .query(java.util.UUID.class).single()).isEqualTo(published.getFirst().id());
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatExceptionOfType(IllegalTransactionStateException.class)
                .isThrownBy(() -> outbox.append(OutboxTestSupport.placed()));
        assertThat(rows()).isZero();
    }

    @Test
    void anEventTheSchemaRefusesRollsTheTransactionBack() {
        OrderPlaced valid = OutboxTestSupport.placed();
        OrderPlaced lowerCaseCountry = new OrderPlaced(valid.orderId(), valid.userId(), "de", valid.currency(),
                valid.lines(), valid.totals(), valid.totalsEur(), valid.occurredAt());

        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO outbox_event (id, aggregate_id, type, payload, created_at) "
                    + "VALUES (gen_random_uuid(), gen_random_uuid(), 'probe', '{}', now())").update();
            outbox.append(lowerCaseCountry);
        }));
        assertThat(rows()).as("the caller's own write rolled back with it").isZero();
    }

    @Test
    void theTraceContextOfTheAppendingSpanArrivesInTheCloudEvent() {
        Span span = tracer.nextSpan().name("checkout").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            transactions.executeWithoutResult(status -> outbox.append(OutboxTestSupport.placed()));
        } finally {
            span.end();
        }
        relay.relay();

        String expected = "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01";
        assertThat(published()).singleElement().satisfies(received -> assertThat(received.traceparent()).isEqualTo(expected));
        assertThat(jdbc.sql("SELECT traceparent FROM outbox_event").query(String.class).single()).isEqualTo(expected);
    }

    @Test
    void withoutASpanTheCloudEventHasNoTraceContext() {
        transactions.executeWithoutResult(status -> outbox.append(OutboxTestSupport.placed()));
        relay.relay();

        assertThat(published()).singleElement().satisfies(received -> {
            assertThat(received.traceparent()).isNull();
            assertThat(received.tracestate()).isNull();
        });
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single();
    }

    private List<ReceivedOrderEvent> published() {
        return OutboxTestSupport.published(redis, properties.streamKey());
    }
}
