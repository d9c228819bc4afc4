package dev.flotilla.order.outbox;

import java.time.Duration;
import java.util.List;

import dev.flotilla.order.events.OrderPlaced;
import dev.flotilla.order.events.ReceivedOrderEvent;
import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay as the service runs it: on its schedule, and no longer once stopped (as on shutdown). */
@SpringBootTest(classes = OutboxTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"flotilla.order.outbox.poll-interval=50ms", "flotilla.test.slice=outbox"})
@RealEngines({Engine.POSTGRESQL, Engine.REDIS})
@Import(ScheduledRelayTests.Scheduling.class)
class ScheduledRelayTests {

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
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void emptyStream() {
        redis.delete(properties.streamKey());
    }

    @AfterEach
    void running() {
        relay.start();
    }

    @Test
    void aCommittedEventIsPublishedOnScheduleExactlyOnce() {
        OrderPlaced placed = OutboxTestSupport.placed();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> outbox.append(placed));

        await().atMost(Duration.ofSeconds(10)).until(() -> published().size() == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> published().size() == 1);
        assertThat(published().getFirst().event()).isEqualTo(placed);
        assertThat(unpublished()).isZero();
    }

    @Test
    void aStoppedRelayClaimsNothingUntilItStartsAgain() {
        relay.stop();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> outbox.append(OutboxTestSupport.placed()));

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> published().isEmpty() && unpublished() == 1);

        relay.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> published().size() == 1 && unpublished() == 0);
    }

    private List<ReceivedOrderEvent> published() {
        return OutboxTestSupport.published(redis, properties.streamKey());
    }

    private long unpublished() {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single();
    }

    /** The application class's {@code @EnableScheduling}, for this test only. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
    }
}
