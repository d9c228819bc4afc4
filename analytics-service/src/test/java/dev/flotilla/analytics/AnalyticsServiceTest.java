package dev.flotilla.analytics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import dev.flotilla.testing.TestJwks;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The whole analytics-service on a random port with real MongoDB and Redis; the consumer is driven by the test. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"flotilla.analytics.consumer.enabled=false",
        "flotilla.analytics.cache.path=target/test-databases/${random.uuid}/report-cache.db"})
@RealEngines({Engine.MONGODB, Engine.REDIS})
@TestJwks
public @interface AnalyticsServiceTest {
}
