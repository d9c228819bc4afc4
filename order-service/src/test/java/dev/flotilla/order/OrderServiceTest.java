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
 * issuer, and the jobs on short intervals so that tests see them act within a second. The calls to
 * product-service get more time than in production: here one JVM runs the tests, order-service and
 * the engines, on two cores, beside product-service, and the races of 100 clients must not trip the
 * circuit breaker on a slow answer ({@link ProductServiceDownTests} keeps the production timeouts).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "flotilla.order.payment.timeout=300ms", "flotilla.order.payment.test-card-delay=1s",
        "flotilla.order.payment.reconcile-interval=200ms", "flotilla.order.checkout.confirm-interval=200ms",
        "flotilla.order.checkout.confirm-after=0s", "flotilla.order.outbox.poll-interval=100ms",
        "flotilla.order.product-service.read-timeout=5s", "flotilla.order.product-service.call-budget=8s"})
@RealEngines({Engine.POSTGRESQL, Engine.REDIS})
@TestJwks
@interface OrderServiceTest {
}
