package dev.flotilla.platform;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Each service of the platform with the environment it gets, exactly as a container would: a store of
 * its own on the shared engines (a database and its login, a Redis database, a bucket), user-service's
 * JWKS to check tokens with, and the services it calls.
 */
final class ServiceEnvironments {

    static final String ADMIN_EMAIL = "admin@flotilla.local";
    static final String IMAGE_BUCKET = "flotilla-images";
    /** The processes in the order they are listed; all start at once. */
    static final List<String> NAMES = List.of("gateway", "user-service", "product-service", "order-service",
            "image-service", "analytics-service");
    private static final String ORDER_CLIENT_ID = "order-service";
    /** Fixed, so that each service finds its own data again after a restart. */
    static final int USER_REDIS_DATABASE = 1;
    static final int PRODUCT_REDIS_DATABASE = 2;
    /** order-service's, where it publishes the order-event stream that analytics-service reads. */
    static final int ORDER_REDIS_DATABASE = 3;
    /** Behind the gateway: the client's address, scheme and host come from its forwarded headers. */
    private static final Map<String, String> BEHIND_THE_GATEWAY = Map.of("FLOTILLA_FORWARD_HEADERS", "native");

    private final Ports ports;
    private final LocalEngines engines;
    private final Path data;

    /** {@code data}: where the services that keep files (keys, SQLite databases) keep them. */
    ServiceEnvironments(Ports ports, LocalEngines engines, Path data) {
        this.ports = ports;
        this.engines = engines;
        this.data = data;
    }

    String url(String name) {
        return ports.url(ports.byName().get(name));
    }

    /** Every process, configured for this start: new database passwords and a new client secret each time. */
    List<ServiceProcess> all(String adminPassword) {
        // order-service's own identity towards product-service: user-service keeps only the hash.
        String orderClientSecret = Secrets.random("");
        return List.of(gateway(), userService(adminPassword, new BCryptPasswordEncoder().encode(orderClientSecret)), productService(),
                orderService(orderClientSecret), imageService(), analyticsService());
    }

    ServiceProcess userService(String adminPassword, String orderClientSecretHash) {
        Map<String, String> environment = new HashMap<>(database("users", "FLOTILLA_USER_DB"));
        environment.putAll(redisDatabase(USER_REDIS_DATABASE));
        environment.putAll(Map.of(
                "FLOTILLA_USER_BOOTSTRAPADMIN_EMAIL", ADMIN_EMAIL,
                "FLOTILLA_USER_BOOTSTRAPADMIN_PASSWORD", adminPassword,
                // One instance on one machine: it may sign with a key it generates and keeps on disk, with the
                // rest of the platform's data. Replicated deployments configure flotilla.user.jwt.keys instead.
                "FLOTILLA_USER_JWT_GENERATEMISSINGKEY", "true",
                "FLOTILLA_USER_JWT_KEYDIRECTORY", data.resolve("user-service/jwt").toAbsolutePath().toString(),
                // The one service client: order-service, whose tokens product-service's stock API accepts.
                "FLOTILLA_USER_CLIENTS_0_ID", ORDER_CLIENT_ID,
                "FLOTILLA_USER_CLIENTS_0_SECRETHASH", orderClientSecretHash,
                "FLOTILLA_USER_CLIENTS_0_ROLES_0", "SERVICE",
                "FLOTILLA_USER_CLIENTS_0_AUDIENCES_0", "product-service"));
        return service("user-service", environment);
    }

    ServiceProcess productService() {
        Map<String, String> environment = new HashMap<>(redisDatabase(PRODUCT_REDIS_DATABASE));
        environment.putAll(Map.of(
                "FLOTILLA_PRODUCT_MONGODB_URI", engines.mongoUri("products"),
                "FLOTILLA_JWKS_URI", jwksUri()));
        return service("product-service", environment);
    }

    ServiceProcess orderService(String clientSecret) {
        Map<String, String> environment = new HashMap<>(database("orders", "FLOTILLA_ORDER_DB"));
        environment.putAll(redisDatabase(ORDER_REDIS_DATABASE));
        environment.putAll(Map.of(
                "FLOTILLA_JWKS_URI", jwksUri(),
                "FLOTILLA_TOKEN_URI", url("user-service") + "/oauth2/token",
                "FLOTILLA_ORDER_CLIENT_ID", ORDER_CLIENT_ID,
                "FLOTILLA_ORDER_CLIENT_SECRET", clientSecret,
                "FLOTILLA_PRODUCT_SERVICE_URL", url("product-service")));
        return service("order-service", environment);
    }

    /**
     * image-service: its SQLite file (job queue and records) in the data directory, its objects in a
     * bucket of the S3 store, which it creates at start-up as it would on MinIO in compose.
     */
    ServiceProcess imageService() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "FLOTILLA_JWKS_URI", jwksUri(),
                "FLOTILLA_IMAGE_DB_PATH", data.resolve("image-service/images.db").toAbsolutePath().toString(),
                "FLOTILLA_IMAGE_WORKERS", "2"));
        environment.putAll(Map.of(
                "FLOTILLA_IMAGE_S3_ENDPOINT", engines.s3Endpoint().toString(),
                "FLOTILLA_IMAGE_S3_REGION", "us-east-1",
                "FLOTILLA_IMAGE_S3_BUCKET", IMAGE_BUCKET,
                "FLOTILLA_IMAGE_S3_ACCESS_KEY", engines.s3AccessKey(),
                "FLOTILLA_IMAGE_S3_SECRET_KEY", engines.s3SecretKey(),
                // S3Proxy, like MinIO, answers http://host/bucket/key, not virtual-host names.
                "FLOTILLA_IMAGE_S3_PATH_STYLE", "true",
                // Locally only: in the cloud the bucket, its policy and its lifecycle are infrastructure.
                "FLOTILLA_IMAGE_S3_CREATE_BUCKET", "true"));
        return service("image-service", environment);
    }

    /**
     * analytics-service: its aggregates in a Mongo database of its own, the order-event stream read from
     * order-service's Redis database (its counters live there too, under {@code analytics:*}), its
     * report cache in the data directory.
     */
    ServiceProcess analyticsService() {
        Map<String, String> environment = new HashMap<>(redisDatabase(ORDER_REDIS_DATABASE));
        environment.putAll(Map.of(
                "FLOTILLA_ANALYTICS_MONGODB_URI", engines.mongoUri("analytics"),
                "FLOTILLA_JWKS_URI", jwksUri(),
                "FLOTILLA_ANALYTICS_CACHE_PATH",
                data.resolve("analytics-service/report-cache.db").toAbsolutePath().toString()));
        return service("analytics-service", environment);
    }

    /**
     * The gateway, in front of every service. The services trust the forwarded headers it writes
     * ({@code FLOTILLA_FORWARD_HEADERS=native}: Tomcat's RemoteIpValve, internal addresses only).
     */
    ServiceProcess gateway() {
        return new ServiceProcess("gateway", ports.gateway(), Map.of(
                "FLOTILLA_USER_SERVICE_URL", url("user-service"),
                "FLOTILLA_PRODUCT_SERVICE_URL", url("product-service"),
                "FLOTILLA_ORDER_SERVICE_URL", url("order-service"),
                "FLOTILLA_IMAGE_SERVICE_URL", url("image-service"),
                "FLOTILLA_ANALYTICS_SERVICE_URL", url("analytics-service")));
    }

    /** The login that owns a service's database. */
    static String databaseLogin(String database) {
        return database + "_service";
    }

    private ServiceProcess service(String name, Map<String, String> environment) {
        environment.putAll(BEHIND_THE_GATEWAY);
        return new ServiceProcess(name, ports.byName().get(name), environment);
    }

    private String jwksUri() {
        return url("user-service") + "/.well-known/jwks.json";
    }

    /**
     * The service's PostgreSQL database, owned by a login of its own whose password is made at each
     * start (never the superuser), as {@code <prefix>_URL}, {@code _USERNAME}, {@code _PASSWORD}.
     */
    private Map<String, String> database(String name, String prefix) {
        String login = databaseLogin(name);
        String password = Secrets.random("");
        engines.ownDatabase(name, login, password);
        return Map.of(prefix + "_URL", engines.jdbcUrl(name), prefix + "_USERNAME", login, prefix + "_PASSWORD", password);
    }

    private Map<String, String> redisDatabase(int database) {
        return Map.of("FLOTILLA_REDIS_HOST", engines.redisHost(), "FLOTILLA_REDIS_PORT",
                Integer.toString(engines.redisPort()), "SPRING_DATA_REDIS_DATABASE", Integer.toString(database));
    }
}
