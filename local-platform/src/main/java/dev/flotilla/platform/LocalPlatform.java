package dev.flotilla.platform;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
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
        List<String> demo = allReady ? seed(http, adminPassword) : List.of("Demo data: none, not every service became ready");
        printTable(services, postgres, redis, mongo, adminPassword, demo, logs);
        if (!allReady) {
            System.out.println("Not every service became ready; see the logs above. Stopping.");
            System.exit(1);
        }
        System.out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }

    /** Demo products and a customer with a cart; a failure is reported in the table, the platform keeps running. */
    private static List<String> seed(HttpClient http, String adminPassword) throws InterruptedException {
        DemoData.Seeded seeded = new DemoData(http, USER_SERVICE, PRODUCT_SERVICE, ORDER_SERVICE)
                .seed(ADMIN_EMAIL, adminPassword, randomSecret("Demo-"));
        List<String> lines = new ArrayList<>();
        lines.add("Demo data: %d products, %d lines in the demo customer's cart".formatted(seeded.products(),
                seeded.cartLines()));
        if (seeded.customerPassword() != null) {
            lines.add("Demo customer: " + DemoData.CUSTOMER_EMAIL + " / " + seeded.customerPassword());
        }
        if (seeded.failure() != null) {
            lines.add("Demo data incomplete: " + seeded.failure());
        }
        return lines;
    }

    private static ServiceProcess userService(PostgresEngine postgres, RedisEngine redis, String adminPassword,
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
        return new ServiceProcess("user-service", 8081, environment);
    }

    private static ServiceProcess productService(MongoEngine mongo, RedisEngine redis) {
        Map<String, String> environment = new HashMap<>(redisDatabase(redis));
        environment.putAll(Map.of(
                "FLOTILLA_PRODUCT_MONGODB_URI", mongo.uri("products"),
                "FLOTILLA_JWKS_URI", USER_SERVICE + "/.well-known/jwks.json"));
        return new ServiceProcess("product-service", 8082, environment);
    }

    private static ServiceProcess orderService(PostgresEngine postgres, RedisEngine redis, String clientSecret) {
        Map<String, String> environment = new HashMap<>(database(postgres, "orders", "FLOTILLA_ORDER_DB"));
        environment.putAll(redisDatabase(redis));
        environment.putAll(Map.of(
                "FLOTILLA_JWKS_URI", USER_SERVICE + "/.well-known/jwks.json",
                "FLOTILLA_TOKEN_URI", USER_SERVICE + "/oauth2/token",
                "FLOTILLA_ORDER_CLIENT_ID", ORDER_CLIENT_ID,
                "FLOTILLA_ORDER_CLIENT_SECRET", clientSecret,
                "FLOTILLA_PRODUCT_SERVICE_URL", PRODUCT_SERVICE));
        return new ServiceProcess("order-service", 8083, environment);
    }

    /** A new PostgreSQL database of a service's own, as {@code <prefix>_URL}, {@code _USERNAME}, {@code _PASSWORD}. */
    private static Map<String, String> database(PostgresEngine postgres, String name, String prefix) {
        postgres.createDatabase(name);
        return Map.of(prefix + "_URL", postgres.jdbcUrl(name), prefix + "_USERNAME", postgres.username(),
                prefix + "_PASSWORD", postgres.password());
    }

    /** The shared Redis server, with a logical database of the service's own. */
    private static Map<String, String> redisDatabase(RedisEngine redis) {
        return Map.of("FLOTILLA_REDIS_HOST", redis.host(), "FLOTILLA_REDIS_PORT", Integer.toString(redis.port()),
                "SPRING_DATA_REDIS_DATABASE", Integer.toString(redis.allocateDatabase()));
    }

    private static void printTable(List<ServiceProcess> services, PostgresEngine postgres, RedisEngine redis,
            MongoEngine mongo, String adminPassword, List<String> demo, Path logs) {
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
        demo.forEach(System.out::println);
        System.out.println("Logs: " + logs);
    }

    private static String randomSecret(String prefix) {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
