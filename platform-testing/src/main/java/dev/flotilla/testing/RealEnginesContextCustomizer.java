package dev.flotilla.testing;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives a test context databases of its own on the shared engines and sets the Spring Boot connection
 * properties to them, ahead of every other property source. Two customizers are equal only for the
 * same engines and the same test class, so each test class gets a context (and data) of its own.
 */
final class RealEnginesContextCustomizer implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "flotillaRealEngines";

    private static final Logger log = LoggerFactory.getLogger(RealEnginesContextCustomizer.class);
    private static final AtomicInteger contexts = new AtomicInteger();
    private static final int MAX_NAME_SUFFIX = 40;

    private final Set<Engine> engines;
    private final Class<?> testClass;

    RealEnginesContextCustomizer(Set<Engine> engines, Class<?> testClass) {
        this.engines = Set.copyOf(engines);
        this.testClass = testClass;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        Map<String, Object> properties = connectionProperties(databaseName());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
        log.info("Real engines for {}: {}", testClass.getSimpleName(), properties);
    }

    Map<String, Object> connectionProperties(String databaseName) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (engines.contains(Engine.POSTGRESQL)) {
            PostgresEngine postgres = SharedEngines.postgres();
            postgres.createDatabase(databaseName);
            properties.put("spring.datasource.url", postgres.jdbcUrl(databaseName));
            properties.put("spring.datasource.username", postgres.username());
            properties.put("spring.datasource.password", postgres.password());
            // @DataJpaTest and @JdbcTest would otherwise try to swap in an embedded in-memory database.
            properties.put("spring.test.database.replace", "none");
        }
        if (engines.contains(Engine.REDIS)) {
            RedisEngine redis = SharedEngines.redis();
            int database = redis.allocateDatabase();
            // url wins over host/port in Spring Boot; set both so neither can point elsewhere.
            properties.put("spring.data.redis.url", redis.url(database));
            properties.put("spring.data.redis.host", redis.host());
            properties.put("spring.data.redis.port", redis.port());
            properties.put("spring.data.redis.database", database);
        }
        if (engines.contains(Engine.MONGODB)) {
            MongoEngine mongo = SharedEngines.mongo();
            properties.put("spring.mongodb.uri", mongo.uri(databaseName));
            properties.put("spring.mongodb.database", databaseName);
        }
        if (engines.contains(Engine.S3)) {
            S3Engine s3 = SharedEngines.s3();
            properties.put("flotilla.test.s3.endpoint", s3.endpoint());
            properties.put("flotilla.test.s3.access-key", s3.accessKey());
            properties.put("flotilla.test.s3.secret-key", s3.secretKey());
            properties.put("flotilla.test.s3.region", S3Engine.REGION);
            properties.put("flotilla.test.s3.bucket", s3.allocateBucket("test"));
        }
        return properties;
    }

    /** test_<n>_<class name>: unique in this JVM and easy to trace back to its test. */
    private String databaseName() {
        String className = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (className.length() > MAX_NAME_SUFFIX) {
            className = className.substring(0, MAX_NAME_SUFFIX);
        }
        return "test_" + contexts.incrementAndGet() + "_" + className;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RealEnginesContextCustomizer that && engines.equals(that.engines)
                && testClass.equals(that.testClass);
    }

    @Override
    public int hashCode() {
        return Objects.hash(engines, testClass);
    }
}
