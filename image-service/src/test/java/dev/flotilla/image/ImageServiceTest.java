package dev.flotilla.image;

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
 * The whole image-service on a random port: a SQLite file of its own under {@code target/}, a bucket
 * of its own on the test JVM's S3-compatible server, tokens from the test issuer, and quick polling
 * and retries so that tests see the workers act within a second.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "flotilla.image.database.path=target/test-databases/${random.uuid}/images.db",
        "flotilla.image.storage.endpoint=${flotilla.test.s3.endpoint}",
        "flotilla.image.storage.access-key=${flotilla.test.s3.access-key}",
        "flotilla.image.storage.secret-key=${flotilla.test.s3.secret-key}",
        "flotilla.image.storage.region=${flotilla.test.s3.region}",
        "flotilla.image.storage.bucket=${flotilla.test.s3.bucket}",
        "flotilla.image.storage.create-bucket=true",
        "flotilla.image.jobs.poll-interval=100ms", "flotilla.image.jobs.retry-backoff=200ms"})
@RealEngines(Engine.S3)
@TestJwks
public @interface ImageServiceTest {
}
