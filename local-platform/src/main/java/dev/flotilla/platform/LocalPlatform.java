package dev.flotilla.platform;

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

/**
 * The whole platform on one machine without Docker: embedded PostgreSQL 17, Redis and the Mongo wire
 * server, then every
 * service as its own process, configured through environment variables exactly as in containers.
 * Prints a table of URLs once everything is ready; Ctrl-C stops the services, then the engines.
 */
public final class LocalPlatform {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final String USER_SERVICE = "http://localhost:8081";

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("flotilla.root", ".")).toAbsolutePath().normalize();
        Path logs = Files.createDirectories(root.resolve("local-platform/target/logs"));
        PostgresEngine postgres = SharedEngines.postgres();
        RedisEngine redis = SharedEngines.redis();
        MongoEngine mongo = SharedEngines.mongo();
        String adminPassword = randomPassword();

        List<ServiceProcess> services = List.of(userService(postgres, redis, adminPassword), productService(mongo, redis));
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
        printTable(services, postgres, redis, mongo, adminPassword, logs);
        if (!allReady) {
            System.out.println("Not every service became ready; see the logs above. Stopping.");
            System.exit(1);
        }
        System.out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }

    private static ServiceProcess userService(PostgresEngine postgres, RedisEngine redis, String adminPassword) {
        postgres.createDatabase("users");
        return new ServiceProcess("user-service", 8081, Map.of(
                "FLOTILLA_USER_DB_URL", postgres.jdbcUrl("users"),
                "FLOTILLA_USER_DB_USERNAME", postgres.username(),
                "FLOTILLA_USER_DB_PASSWORD", postgres.password(),
                "FLOTILLA_REDIS_HOST", redis.host(),
                "FLOTILLA_REDIS_PORT", Integer.toString(redis.port()),
                "SPRING_DATA_REDIS_DATABASE", Integer.toString(redis.allocateDatabase()),
                "FLOTILLA_USER_BOOTSTRAPADMIN_EMAIL", "admin@flotilla.local",
                "FLOTILLA_USER_BOOTSTRAPADMIN_PASSWORD", adminPassword,
                // One instance on one machine: it may sign with a key it generates and keeps on disk.
                // Replicated deployments configure flotilla.user.jwt.keys instead.
                "FLOTILLA_USER_JWT_GENERATEMISSINGKEY", "true"));
    }

    private static ServiceProcess productService(MongoEngine mongo, RedisEngine redis) {
        return new ServiceProcess("product-service", 8082, Map.of(
                "FLOTILLA_PRODUCT_MONGODB_URI", mongo.uri("products"),
                "FLOTILLA_REDIS_HOST", redis.host(),
                "FLOTILLA_REDIS_PORT", Integer.toString(redis.port()),
                "SPRING_DATA_REDIS_DATABASE", Integer.toString(redis.allocateDatabase()),
                "FLOTILLA_JWKS_URI", USER_SERVICE + "/.well-known/jwks.json"));
    }

    private static void printTable(List<ServiceProcess> services, PostgresEngine postgres, RedisEngine redis,
            MongoEngine mongo, String adminPassword, Path logs) {
        System.out.println();
        System.out.printf("%-18s %-8s %-10s %s%n", "SERVICE", "STATUS", "READY IN", "URL");
        for (ServiceProcess service : services) {
            String ready = service.readyAfter() == null ? "-" : "%.1f s".formatted(service.readyAfter().toMillis() / 1000.0);
            System.out.printf("%-18s %-8s %-10s %s  (API docs: %s/swagger-ui.html)%n", service.name(),
                    service.alive() && service.readyAfter() != null ? "UP" : "DOWN", ready, service.url(), service.url());
        }
        System.out.printf("%-18s %-8s %-10s %s%n", "postgresql", "UP", "", postgres.jdbcUrl("users") + " (user postgres)");
        System.out.printf("%-18s %-8s %-10s %s%n", "redis", "UP", "", "redis://" + redis.host() + ":" + redis.port());
        System.out.printf("%-18s %-8s %-10s %s%n", "mongodb (wire)", "UP", "", mongo.uri("products"));
        System.out.println();
        System.out.println("Administrator: admin@flotilla.local / " + adminPassword);
        System.out.println("Logs: " + logs);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return "Local-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
