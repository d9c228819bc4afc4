package dev.flotilla.platform;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.flotilla.testing.MongoEngine;
import dev.flotilla.testing.PostgresEngine;
import dev.flotilla.testing.RedisEngine;
import dev.flotilla.testing.S3Engine;

/**
 * Each service of the platform with the environment it gets, exactly as a container would: a store of
 * its own on the shared engines (a database, a Redis database, a bucket), user-service's JWKS to check
 * tokens with, and the services it calls.
 */
final class ServiceEnvironments {

    static final String USER_SERVICE = "http://localhost:8081";
    static final String PRODUCT_SERVICE = "http://localhost:8082";
    static final String ORDER_SERVICE = "http://localhost:8083";
    static final String IMAGE_SERVICE = "http://localhost:8084";
    static final String ANALYTICS_SERVICE = "http://localhost:8085";
    static final String GATEWAY = "http://localhost:8080";
    /** Where each process of the platform listens. */
    static final Map<String, URI> URLS = orderedUrls();
    static final String ADMIN_EMAIL = "admin@flotilla.local";
    static final String IMAGE_BUCKET = "flotilla-images";
    private static final String JWKS_URI = USER_SERVICE + "/.well-known/jwks.json";
    private static final String ORDER_CLIENT_ID = "order-service";

    private ServiceEnvironments() {
    }

    private static Map<String, URI> orderedUrls() {
        Map<String, URI> urls = new java.util.LinkedHashMap<>();
        urls.put("gateway", URI.create(GATEWAY));
        urls.put("user-service", URI.create(USER_SERVICE));
        urls.put("product-service", URI.create(PRODUCT_SERVICE));
        urls.put("order-service", URI.create(ORDER_SERVICE));
        urls.put("image-service", URI.create(IMAGE_SERVICE));
        urls.put("analytics-service", URI.create(ANALYTICS_SERVICE));
        return java.util.Collections.unmodifiableMap(urls);
    }

    static ServiceProcess userService(PostgresEngine postgres, RedisEngine redis, String adminPassword,
            String orderClientSecretHash) {
        Map<String, String> environment = new HashMap<>(database(postgres, "users", "FLOTILLA_USER_DB"));
        environment.putAll(redisDatabase(redis));
        environment.putAll(Map.of(
                "FLOTILLA_USER_BOOTSTRAPADMIN_EMAIL", ADMIN_EMAIL,
                "FLOTILLA_USER_BOOTSTRAPADMIN_PASSWORD", adminPassword,
                // One instance on one machine: it may sign with a key it generates and keeps on disk.
                // Replicated deployments configure flotilla.user.jwt.keys instead.
                "FLOTILLA_USER_JWT_GENERATEMISSINGKEY", "true",
                // The one service client: order-service, whose tokens product-service's stock API accepts.
                "FLOTILLA_USER_CLIENTS_0_ID", ORDER_CLIENT_ID,
                "FLOTILLA_USER_CLIENTS_0_SECRETHASH", orderClientSecretHash,
                "FLOTILLA_USER_CLIENTS_0_ROLES_0", "SERVICE",
                "FLOTILLA_USER_CLIENTS_0_AUDIENCES_0", "product-service"));
        environment.putAll(BEHIND_THE_GATEWAY);
        return new ServiceProcess("user-service", 8081, environment);
    }

    static ServiceProcess productService(MongoEngine mongo, RedisEngine redis) {
        Map<String, String> environment = new HashMap<>(redisDatabase(redis));
        environment.putAll(Map.of(
                "FLOTILLA_PRODUCT_MONGODB_URI", mongo.uri("products"),
                "FLOTILLA_JWKS_URI", JWKS_URI));
        environment.putAll(BEHIND_THE_GATEWAY);
        return new ServiceProcess("product-service", 8082, environment);
    }

    /** order-service, publishing its order events to the Redis database {@code eventsDatabase}. */
    static ServiceProcess orderService(PostgresEngine postgres, RedisEngine redis, int eventsDatabase, String clientSecret) {
        Map<String, String> environment = new HashMap<>(database(postgres, "orders", "FLOTILLA_ORDER_DB"));
        environment.putAll(redisDatabase(redis, eventsDatabase));
        environment.putAll(Map.of(
                "FLOTILLA_JWKS_URI", JWKS_URI,
                "FLOTILLA_TOKEN_URI", USER_SERVICE + "/oauth2/token",
                "FLOTILLA_ORDER_CLIENT_ID", ORDER_CLIENT_ID,
                "FLOTILLA_ORDER_CLIENT_SECRET", clientSecret,
                "FLOTILLA_PRODUCT_SERVICE_URL", PRODUCT_SERVICE));
        environment.putAll(BEHIND_THE_GATEWAY);
        return new ServiceProcess("order-service", 8083, environment);
    }

    /**
     * image-service: its SQLite file (job queue and records) at {@code database}, its objects in a
     * bucket of the S3 store, which it creates at start-up as it would on MinIO in compose.
     */
    static ServiceProcess imageService(S3Engine s3, Path database) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "FLOTILLA_JWKS_URI", JWKS_URI,
                "FLOTILLA_IMAGE_DB_PATH", database.toAbsolutePath().toString(),
                "FLOTILLA_IMAGE_WORKERS", "2"));
        environment.putAll(Map.of(
                "FLOTILLA_IMAGE_S3_ENDPOINT", s3.endpoint(),
                "FLOTILLA_IMAGE_S3_REGION", S3Engine.REGION,
                "FLOTILLA_IMAGE_S3_BUCKET", IMAGE_BUCKET,
                "FLOTILLA_IMAGE_S3_ACCESS_KEY", s3.accessKey(),
                "FLOTILLA_IMAGE_S3_SECRET_KEY", s3.secretKey(),
                // S3Proxy, like MinIO, answers http://host/bucket/key, not virtual-host names.
                "FLOTILLA_IMAGE_S3_PATH_STYLE", "true",
                // Locally only: in the cloud the bucket, its policy and its lifecycle are infrastructure.
                "FLOTILLA_IMAGE_S3_CREATE_BUCKET", "true"));
        environment.putAll(BEHIND_THE_GATEWAY);
        return new ServiceProcess("image-service", 8084, environment);
    }

    /**
     * analytics-service: its aggregates in a Mongo database of its own, the order-event stream read from
     * order-service's Redis database {@code eventsDatabase} (its counters live there too, under
     * {@code analytics:*}), its report cache at {@code cache}.
     */
    static ServiceProcess analyticsService(MongoEngine mongo, RedisEngine redis, int eventsDatabase, Path cache) {
        Map<String, String> environment = new HashMap<>(redisDatabase(redis, eventsDatabase));
        environment.putAll(Map.of(
                "FLOTILLA_ANALYTICS_MONGODB_URI", mongo.uri("analytics"),
                "FLOTILLA_JWKS_URI", JWKS_URI,
                "FLOTILLA_ANALYTICS_CACHE_PATH", cache.toAbsolutePath().toString()));
        environment.putAll(BEHIND_THE_GATEWAY);
        return new ServiceProcess("analytics-service", 8085, environment);
    }

    /**
     * The gateway on 8080, in front of every service. The services trust the forwarded headers it
     * writes ({@code FLOTILLA_FORWARD_HEADERS=native}: Tomcat's RemoteIpValve, internal addresses only).
     */
    static ServiceProcess gateway() {
        return new ServiceProcess("gateway", 8080, Map.of(
                "FLOTILLA_USER_SERVICE_URL", USER_SERVICE,
                "FLOTILLA_PRODUCT_SERVICE_URL", PRODUCT_SERVICE,
                "FLOTILLA_ORDER_SERVICE_URL", ORDER_SERVICE,
                "FLOTILLA_IMAGE_SERVICE_URL", IMAGE_SERVICE,
                "FLOTILLA_ANALYTICS_SERVICE_URL", ANALYTICS_SERVICE));
    }

    /** Behind the gateway: the client's address, scheme and host come from its forwarded headers. */
    private static final Map<String, String> BEHIND_THE_GATEWAY = Map.of("FLOTILLA_FORWARD_HEADERS", "native");

    /**
     * A new PostgreSQL database of a service's own, owned by a login of its own with a password made at
     * each start (never the superuser), as {@code <prefix>_URL}, {@code _USERNAME}, {@code _PASSWORD}.
     */
    private static Map<String, String> database(PostgresEngine postgres, String name, String prefix) {
        String login = databaseLogin(name);
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        postgres.createDatabase(name, login, password);
        return Map.of(prefix + "_URL", postgres.jdbcUrl(name), prefix + "_USERNAME", login, prefix + "_PASSWORD", password);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The login that owns a service's database. */
    static String databaseLogin(String database) {
        return database + "_service";
    }

    /** The shared Redis server, with a logical database of the service's own. */
    private static Map<String, String> redisDatabase(RedisEngine redis) {
        return redisDatabase(redis, redis.allocateDatabase());
    }

    private static Map<String, String> redisDatabase(RedisEngine redis, int database) {
        return Map.of("FLOTILLA_REDIS_HOST", redis.host(), "FLOTILLA_REDIS_PORT", Integer.toString(redis.port()),
                "SPRING_DATA_REDIS_DATABASE", Integer.toString(database));
    }
}
