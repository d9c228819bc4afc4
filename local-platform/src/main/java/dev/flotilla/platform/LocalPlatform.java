package dev.flotilla.platform;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.flotilla.testing.MongoEngine;
import dev.flotilla.testing.PostgresEngine;
import dev.flotilla.testing.RedisEngine;
import dev.flotilla.testing.SharedEngines;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The whole platform on one machine without Docker: embedded PostgreSQL 17, Redis and the Mongo wire
 * server, then every service as its own process, configured through environment variables exactly
 * as in containers. Once everything is ready it seeds demo data over HTTP ({@link DemoData}) and prints
 * a table of URLs and credentials; Ctrl-C stops the services, then the engines.
 */
public final class LocalPlatform {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final String USER_SERVICE = "http://localhost:8081";
    private static final String PRODUCT_SERVICE = "http://localhost:8082";
    private static final String ORDER_SERVICE = "http://localhost:8083";
    private static final String ADMIN_EMAIL = "admin@flotilla.local";
    private static final String ORDER_CLIENT_ID = "order-service";

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("flotilla.root", ".")).toAbsolutePath().normalize();
        Path logs = Files.createDirectories(root.resolve("local-platform/target/logs"));
        PostgresEngine postgres = SharedEngines.postgres();
        RedisEngine redis = SharedEngines.redis();
        MongoEngine mongo = SharedEngines.mongo();
        String adminPassword = randomSecret("Local-");
        // order-service's own identity towards product-service: user-service keeps only the hash.
        String orderClientSecret = randomSecret("");

        List<ServiceProcess> services = List.of(
                userService(postgres, redis, adminPassword, new BCryptPasswordEncoder().encode(orderClientSecret)),
                productService(mongo, redis), orderService(postgres, redis, orderClientSecret));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> services.reversed().forEach(ServiceProcess::stop),
                "flotilla-services-stop"));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Launch launch = new Launch();
        for (ServiceProcess service : services) {
            service.prepare(root, logs, launch);
        }
        for (ServiceProcess service : services) {
            service.start();
        }
        boolean allReady = true;
        for (ServiceProcess service : services) {
            allReady &= service.awaitReady(http, READY_TIMEOUT);
        }
        String demo = allReady ? seed(http, adminPassword) : "not seeded: not every service became ready";
        printTable(services, postgres, redis, mongo, adminPassword, demo, logs);
        if (!allReady) {
            System.out.println("Not every service became ready; see the logs above. Stopping.");
            System.exit(1);
        }
        System.out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }

    /** Demo products and a customer with a cart; a failure is reported in the table, the platform keeps running. */
    private static String seed(HttpClient http, String adminPassword) throws InterruptedException {
        String customerPassword = randomSecret("Demo-");
        try {
            DemoData.Seeded seeded = new DemoData(http, USER_SERVICE, PRODUCT_SERVICE, ORDER_SERVICE)
                    .seed(ADMIN_EMAIL, adminPassword, customerPassword);
            return "%d products, customer %s / %s with %d lines in the cart".formatted(seeded.products(),
                    seeded.customerEmail(), seeded.customerPassword(), seeded.cartLines());
        } catch (IOException e) {
            return "seeding failed: " + e.getMessage();
        }
    }

    private static ServiceProcess userService(PostgresEngine postgres, RedisEngine redis, String adminPassword,
            String orderClientSecretHash) {
        postgres.createDatabase("users");
        return new ServiceProcess("user-service", 8081, Map.ofEntries(
                Map.entry("FLOTILLA_USER_DB_URL", postgres.jdbcUrl("users")),
                Map.entry("FLOTILLA_USER_DB_USERNAME", postgres.username()),
                Map.entry("FLOTILLA_USER_DB_PASSWORD", postgres.password()),
                Map.entry("FLOTILLA_REDIS_HOST", redis.host()),
                Map.entry("FLOTILLA_REDIS_PORT", Integer.toString(redis.port())),
                Map.entry("SPRING_DATA_REDIS_DATABASE", Integer.toString(redis.allocateDatabase())),
                Map.entry("FLOTILLA_USER_BOOTSTRAPADMIN_EMAIL", ADMIN_EMAIL),
                Map.entry("FLOTILLA_USER_BOOTSTRAPADMIN_PASSWORD", adminPassword),
                // One instance on one machine: it may sign with a key it generates and keeps on disk.
                // Replicated deployments configure flotilla.user.jwt.keys instead.
                Map.entry("FLOTILLA_USER_JWT_GENERATEMISSINGKEY", "true"),
                // The one service client: order-service, whose tokens product-service's stock API accepts.
                Map.entry("FLOTILLA_USER_CLIENTS_0_ID", ORDER_CLIENT_ID),
                Map.entry("FLOTILLA_USER_CLIENTS_0_SECRETHASH", orderClientSecretHash),
                Map.entry("FLOTILLA_USER_CLIENTS_0_ROLES_0", "SERVICE"),
                Map.entry("FLOTILLA_USER_CLIENTS_0_AUDIENCES_0", "product-service")));
    }

    private static ServiceProcess productService(MongoEngine mongo, RedisEngine redis) {
        return new ServiceProcess("product-service", 8082, Map.of(
                "FLOTILLA_PRODUCT_MONGODB_URI", mongo.uri("products"),
                "FLOTILLA_REDIS_HOST", redis.host(),
                "FLOTILLA_REDIS_PORT", Integer.toString(redis.port()),
                "SPRING_DATA_REDIS_DATABASE", Integer.toString(redis.allocateDatabase()),
                "FLOTILLA_JWKS_URI", USER_SERVICE + "/.well-known/jwks.json"));
    }

    private static ServiceProcess orderService(PostgresEngine postgres, RedisEngine redis, String clientSecret) {
        postgres.createDatabase("orders");
        return new ServiceProcess("order-service", 8083, Map.ofEntries(
                Map.entry("FLOTILLA_ORDER_DB_URL", postgres.jdbcUrl("orders")),
                Map.entry("FLOTILLA_ORDER_DB_USERNAME", postgres.username()),
                Map.entry("FLOTILLA_ORDER_DB_PASSWORD", postgres.password()),
                Map.entry("FLOTILLA_REDIS_HOST", redis.host()),
                Map.entry("FLOTILLA_REDIS_PORT", Integer.toString(redis.port())),
                Map.entry("SPRING_DATA_REDIS_DATABASE", Integer.toString(redis.allocateDatabase())),
                Map.entry("FLOTILLA_JWKS_URI", USER_SERVICE + "/.well-known/jwks.json"),
                Map.entry("FLOTILLA_TOKEN_URI", USER_SERVICE + "/oauth2/token"),
                Map.entry("FLOTILLA_ORDER_CLIENT_ID", ORDER_CLIENT_ID),
                Map.entry("FLOTILLA_ORDER_CLIENT_SECRET", clientSecret),
                Map.entry("FLOTILLA_PRODUCT_SERVICE_URL", PRODUCT_SERVICE)));
    }

    private static void printTable(List<ServiceProcess> services, PostgresEngine postgres, RedisEngine redis,
            MongoEngine mongo, String adminPassword, String demo, Path logs) {
        System.out.println();
        System.out.printf("%-18s %-8s %-10s %s%n", "SERVICE", "STATUS", "READY IN", "URL");
        for (ServiceProcess service : services) {
            String ready = service.readyAfter() == null ? "-" : "%.1f s".formatted(service.readyAfter().toMillis() / 1000.0);
            System.out.printf("%-18s %-8s %-10s %s  (API docs: %s/swagger-ui.html)%n", service.name(),
                    service.alive() && service.readyAfter() != null ? "UP" : "DOWN", ready, service.url(), service.url());
        }
        System.out.printf("%-18s %-8s %-10s %s%n", "postgresql", "UP", "", postgres.jdbcUrl("users") + ", "
                + postgres.jdbcUrl("orders") + " (user " + postgres.username() + ")");
        System.out.printf("%-18s %-8s %-10s %s%n", "redis", "UP", "", "redis://" + redis.host() + ":" + redis.port());
        System.out.printf("%-18s %-8s %-10s %s%n", "mongodb (wire)", "UP", "", mongo.uri("products"));
        System.out.println();
        System.out.println("Administrator: " + ADMIN_EMAIL + " / " + adminPassword);
        System.out.println("Demo data: " + demo);
        System.out.println("Logs: " + logs);
    }

    private static String randomSecret(String prefix) {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
