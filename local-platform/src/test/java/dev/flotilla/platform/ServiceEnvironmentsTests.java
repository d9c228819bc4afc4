package dev.flotilla.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.flotilla.testing.RedisEngine;
import dev.flotilla.testing.S3Engine;
import dev.flotilla.testing.SharedEngines;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ServiceEnvironmentsTests {

    /** Read from the sources: the launcher runs the jar built from them. */
    private static final Path IMAGE_SERVICE_CONFIGURATION = Path.of("../image-service/src/main/resources/application.yaml");
    private static final Path GATEWAY_CONFIGURATION = Path.of("../gateway/src/main/resources/application.yaml");
    private static final Path ANALYTICS_SERVICE_CONFIGURATION = Path.of("../analytics-service/src/main/resources/application.yaml");

    private final S3Engine s3 = SharedEngines.s3();

    @Test
    void imageServiceGetsTheS3StoreABucketOfItsOwnAndItsDatabase() {
        ServiceProcess imageService = ServiceEnvironments.imageService(s3, Path.of("target/data/image-service/images.db"));

        assertThat(imageService.name()).isEqualTo("image-service");
        assertThat(imageService.url()).isEqualTo(ServiceEnvironments.IMAGE_SERVICE).isEqualTo("http://localhost:8084");
        assertThat(imageService.environment()).contains(
                entry("FLOTILLA_JWKS_URI", "http://localhost:8081/.well-known/jwks.json"),
                entry("FLOTILLA_IMAGE_S3_ENDPOINT", s3.endpoint()),
                entry("FLOTILLA_IMAGE_S3_REGION", S3Engine.REGION),
                entry("FLOTILLA_IMAGE_S3_BUCKET", "flotilla-images"),
                entry("FLOTILLA_IMAGE_S3_ACCESS_KEY", s3.accessKey()),
                entry("FLOTILLA_IMAGE_S3_SECRET_KEY", s3.secretKey()),
                entry("FLOTILLA_IMAGE_S3_PATH_STYLE", "true"),
                entry("FLOTILLA_IMAGE_S3_CREATE_BUCKET", "true"),
                entry("FLOTILLA_IMAGE_WORKERS", "2"));
    }

    @Test
    void imageServiceGetsItsDatabaseAsAnAbsolutePathWhateverTheServicesWorkingDirectory() {
        Map<String, String> environment = ServiceEnvironments.imageService(s3, Path.of("target/data/images.db"))
                .environment();

        Path database = Path.of(environment.get("FLOTILLA_IMAGE_DB_PATH"));
        assertThat(database).isAbsolute().endsWithRaw(Path.of("target/data/images.db"));
    }

    @Test
    void imageServiceIsToldOnlyWhatItsConfigurationReads() throws IOException {
        String configuration = Files.readString(IMAGE_SERVICE_CONFIGURATION);

        assertThat(ServiceEnvironments.imageService(s3, Path.of("images.db")).environment().keySet())
                .allSatisfy(variable -> assertThat(configuration)
                        .as("image-service's application.yaml reads %s", variable)
                        .containsAnyOf("${" + variable + ":", "${" + variable + "}"));
        assertThat(configuration).contains("${PORT:");
    }

    @Test
    void analyticsServiceReadsTheStreamFromOrderServicesRedisDatabase() {
        RedisEngine redis = SharedEngines.redis();
        int events = redis.allocateDatabase();

        Map<String, String> orders = ServiceEnvironments.orderService(SharedEngines.postgres(), redis, events, "secret").environment();
        Map<String, String> analytics = ServiceEnvironments.analyticsService(SharedEngines.mongo(), redis, events,
                Path.of("target/data/report-cache.db")).environment();

        assertThat(orders.get("FLOTILLA_ORDER_DB_USERNAME")).isEqualTo("orders_service")
                .isNotEqualTo(SharedEngines.postgres().username());
        assertThat(analytics).containsEntry("SPRING_DATA_REDIS_DATABASE", orders.get("SPRING_DATA_REDIS_DATABASE"))
                .containsEntry("FLOTILLA_REDIS_HOST", orders.get("FLOTILLA_REDIS_HOST"))
                .containsEntry("FLOTILLA_REDIS_PORT", orders.get("FLOTILLA_REDIS_PORT"))
                .containsEntry("FLOTILLA_JWKS_URI", "http://localhost:8081/.well-known/jwks.json")
                .containsEntry("FLOTILLA_ANALYTICS_MONGODB_URI", SharedEngines.mongo().uri("analytics"));
        assertThat(Path.of(analytics.get("FLOTILLA_ANALYTICS_CACHE_PATH"))).isAbsolute();
    }

    @Test
    void analyticsServiceIsToldOnlyWhatItsConfigurationReads() throws IOException {
        String configuration = Files.readString(ANALYTICS_SERVICE_CONFIGURATION);

        assertThat(ServiceEnvironments.analyticsService(SharedEngines.mongo(), SharedEngines.redis(), 3, Path.of("cache.db"))
                .environment().keySet())
                // SPRING_DATA_REDIS_DATABASE is spring.data.redis.database by Spring Boot's relaxed binding, as for every service.
                .filteredOn(variable -> !variable.equals("SPRING_DATA_REDIS_DATABASE"))
                .allSatisfy(variable -> assertThat(configuration)
                        .as("analytics-service's application.yaml reads %s", variable)
                        .containsAnyOf("${" + variable + ":", "${" + variable + "}"));
        assertThat(configuration).contains("${PORT:");
    }

    @Test
    void theGatewayPointsEveryRouteAtItsServiceAndIsToldOnlyWhatItReads() throws IOException {
        String configuration = Files.readString(GATEWAY_CONFIGURATION);
        Map<String, String> environment = ServiceEnvironments.gateway().environment();

        assertThat(ServiceEnvironments.gateway().url()).isEqualTo("http://localhost:8080");
        assertThat(environment).containsEntry("FLOTILLA_USER_SERVICE_URL", "http://localhost:8081")
                .containsEntry("FLOTILLA_PRODUCT_SERVICE_URL", "http://localhost:8082")
                .containsEntry("FLOTILLA_ORDER_SERVICE_URL", "http://localhost:8083")
                .containsEntry("FLOTILLA_IMAGE_SERVICE_URL", "http://localhost:8084")
                .containsEntry("FLOTILLA_ANALYTICS_SERVICE_URL", "http://localhost:8085");
        assertThat(environment.keySet()).allSatisfy(variable -> assertThat(configuration)
                .as("the gateway's application.yaml reads %s", variable).contains("${" + variable + ":"));
    }

    @Test
    void everyServiceTrustsTheForwardedHeadersOfTheGateway() {
        assertThat(ServiceEnvironments.imageService(s3, Path.of("images.db")).environment())
                .containsEntry("FLOTILLA_FORWARD_HEADERS", "native");
        assertThat(ServiceEnvironments.analyticsService(SharedEngines.mongo(), SharedEngines.redis(), 3, Path.of("cache.db"))
                .environment()).containsEntry("FLOTILLA_FORWARD_HEADERS", "native");
        assertThat(ServiceEnvironments.productService(SharedEngines.mongo(), SharedEngines.redis()).environment())
                .containsEntry("FLOTILLA_FORWARD_HEADERS", "native");
    }

    @Test
    void thePortsCheckedBeforeStartingAreTheOnesTheProcessesUse() {
        RedisEngine redis = SharedEngines.redis();
        List<ServiceProcess> processes = List.of(ServiceEnvironments.gateway(),
                ServiceEnvironments.productService(SharedEngines.mongo(), redis),
                ServiceEnvironments.imageService(s3, Path.of("images.db")),
                ServiceEnvironments.analyticsService(SharedEngines.mongo(), redis, 3, Path.of("cache.db")));

        assertThat(processes).allSatisfy(process ->
                assertThat(ServiceEnvironments.URLS.get(process.name())).hasToString(process.url()));
        assertThat(ServiceEnvironments.URLS).hasSize(6);
    }

    @Test
    void eachPostgresServiceGetsADatabaseAndALoginOfItsOwnNeverTheSuperuser() {
        RedisEngine redis = SharedEngines.redis();
        Map<String, String> users = ServiceEnvironments.userService(SharedEngines.postgres(), redis, "Admin-password-1",
                "hash").environment();

        // Each factory creates its database, once per JVM: order-service's login is checked with the stream below.
        assertThat(users.get("FLOTILLA_USER_DB_USERNAME")).isEqualTo("users_service")
                .isNotEqualTo(SharedEngines.postgres().username());
        assertThat(users.get("FLOTILLA_USER_DB_PASSWORD")).hasSizeGreaterThanOrEqualTo(32);
    }
}
