package dev.flotilla.testing;

import java.util.function.BooleanSupplier;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Starts the engines as Testcontainers with the official images. Without a Docker engine this mode
 * stops the test run with a message that says so; it never falls back silently.
 */
final class ContainerEngines implements EngineStarter {

    static final String POSTGRES_IMAGE = "postgres:17";
    static final String REDIS_IMAGE = "redis:7";
    static final String MONGO_IMAGE = "mongo:8";
    static final String MINIO_IMAGE = "minio/minio";

    private static final int REDIS_PORT = 6379;
    private static final int MINIO_PORT = 9000;
    private static final String MINIO_USER = "test-access-key";
    private static final String MINIO_PASSWORD = "test-secret-key";

    ContainerEngines(BooleanSupplier dockerAvailable) {
        requireDocker(dockerAvailable);
    }

    ContainerEngines() {
        this(() -> DockerClientFactory.instance().isDockerAvailable());
    }

    static void requireDocker(BooleanSupplier dockerAvailable) {
        if (!dockerAvailable.getAsBoolean()) {
            throw new IllegalStateException("""
                    %s=containers runs the tests on Testcontainers (%s, %s, %s) and needs a running Docker \
                    engine, but Testcontainers found none. Start Docker (or Podman's Docker-compatible socket \
                    and DOCKER_HOST), or run without -D%s to use the embedded engines."""
                    .formatted(Infrastructure.PROPERTY, POSTGRES_IMAGE, REDIS_IMAGE, MONGO_IMAGE, Infrastructure.PROPERTY));
        }
    }

    @Override
    public Started<PostgresEngine> postgres() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        postgres.start();
        PostgresEngine engine = new PostgresEngine(postgres.getHost(), postgres.getFirstMappedPort(),
                postgres.getUsername(), postgres.getPassword(), postgres.getDatabaseName());
        return new Started<>(engine, postgres::stop);
    }

    @Override
    public Started<RedisEngine> redis() {
        GenericContainer<?> redis = new GenericContainer<>(REDIS_IMAGE)
                .withExposedPorts(REDIS_PORT)
                .withCommand("redis-server", "--databases", Integer.toString(RedisEngine.DATABASES), "--save", "");
        redis.start();
        return new Started<>(new RedisEngine(redis.getHost(), redis.getMappedPort(REDIS_PORT)), redis::stop);
    }

    @Override
    public Started<MongoEngine> mongo() {
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        mongo.start();
        // The replica set advertises the container's own host name; connect to the mapped port directly.
        return new Started<>(new MongoEngine(mongo.getHost(), mongo.getFirstMappedPort(), "?directConnection=true"),
                mongo::stop);
    }

    @Override
    public Started<S3Engine> s3() {
        GenericContainer<?> minio = new GenericContainer<>(MINIO_IMAGE)
                .withExposedPorts(MINIO_PORT)
                .withEnv("MINIO_ROOT_USER", MINIO_USER)
                .withEnv("MINIO_ROOT_PASSWORD", MINIO_PASSWORD)
                .withCommand("server", "/data")
                .waitingFor(Wait.forHttp("/minio/health/ready").forPort(MINIO_PORT));
        minio.start();
        String endpoint = "http://" + minio.getHost() + ":" + minio.getMappedPort(MINIO_PORT);
        return new Started<>(new S3Engine(endpoint, MINIO_USER, MINIO_PASSWORD), minio::stop);
    }
}
