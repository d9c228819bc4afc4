package dev.flotilla.order.outbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The outbox package alone ({@link OutboxTestApplication}) on a real PostgreSQL (Flyway's schema) and
 * a real Redis, without a web server. Each test class gets its own databases.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = OutboxTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "flotilla.test.slice=outbox")
@RealEngines({Engine.POSTGRESQL, Engine.REDIS})
@interface OutboxTest {
}
