package dev.flotilla.order;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import dev.flotilla.testing.TestJwks;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole order-service on a random port with real PostgreSQL and Redis, tokens from the test
 * issuer, and the jobs on short intervals so that tests see them act within a second.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "flotilla.order.payment.timeout=300ms", "flotilla.order.payment.test-card-delay=1s",
        "flotilla.order.payment.reconcile-interval=200ms", "flotilla.order.checkout.confirm-interval=200ms",
        "flotilla.order.checkout.confirm-after=0s", "flotilla.order.outbox.poll-interval=100ms"})
@RealEngines({Engine.POSTGRESQL, Engine.REDIS})
@TestJwks
@interface OrderServiceTest {
}
