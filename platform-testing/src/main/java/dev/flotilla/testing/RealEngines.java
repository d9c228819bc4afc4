package dev.flotilla.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.annotation.DirtiesContext;

/**
 * Runs a Spring test against real engines. The engines start once per test JVM, on first use, and
 * stop at JVM exit; each annotated test class gets its own PostgreSQL database, Redis logical
 * database and Mongo database, so no two test classes see each other's data whatever order they run
 * in. The connection properties ({@code spring.datasource.*}, {@code spring.data.redis.*},
 * {@code spring.mongodb.*}, and {@code flotilla.test.s3.*} for the object store) are set for the test's
 * application context, ahead of every other property source.
 *
 * <pre>{@code
 * @SpringBootTest
 * @RealEngines({Engine.POSTGRESQL, Engine.REDIS})
 * class CheckoutTests { ... }
 * }</pre>
 *
 * <p>Every annotated class gets a Spring context of its own (its engines are part of the context
 * cache key), closed when the class has run, so connections and memory do not pile up as a module
 * grows. Group tests that may share one context and its data in {@code @Nested} classes: they share
 * the enclosing class's context and databases.
 *
 * <p>By default the engines are embedded (real PostgreSQL and Redis server binaries, an in-process
 * Mongo wire-protocol server, S3Proxy over a directory). With {@code -Dflotilla.infra=containers} the
 * same tests run on Testcontainers with the official {@code postgres:17}, {@code redis:7},
 * {@code mongo:8} and {@code minio/minio} images.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface RealEngines {

    /** The engines the test needs. */
    Engine[] value();
}
