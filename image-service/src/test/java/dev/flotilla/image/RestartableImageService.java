package dev.flotilla.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flotilla.testing.S3Engine;
import dev.flotilla.testing.TestJwtIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An image-service in the test JVM that a test starts and stops itself, on a database file and a
 * bucket the test chooses, to see what survives a stop: a restart on the same file, a shutdown in the
 * middle of a job.
 */
final class RestartableImageService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RestartableImageService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RestartableImageService start(Path database, S3Engine s3, String bucket, Map<String, String> properties) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--flotilla.image.database.path=" + database,
                "--flotilla.image.storage.endpoint=" + s3.endpoint(),
                "--flotilla.image.storage.access-key=" + s3.accessKey(),
                "--flotilla.image.storage.secret-key=" + s3.secretKey(),
                "--flotilla.image.storage.bucket=" + bucket,
                "--flotilla.image.storage.create-bucket=true",
                "--flotilla.image.jobs.poll-interval=100ms",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestJwtIssuer.shared().jwkSetUri()));
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new RestartableImageService(new SpringApplicationBuilder(ImageServiceApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
