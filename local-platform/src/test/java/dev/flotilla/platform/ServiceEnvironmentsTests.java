package dev.flotilla.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ServiceEnvironmentsTests {

    /** Read from the sources: the launcher runs the jar built from them. */
    private static final Path IMAGE_SERVICE_CONFIGURATION = Path.of("../image-service/src/main/resources/application.yaml");
    private static final Path GATEWAY_CONFIGURATION = Path.of("../gateway/src/main/resources/application.yaml");
    private static final Path ANALYTICS_SERVICE_CONFIGURATION = Path.of("../analytics-service/src/main/resources/application.yaml");

    @TempDir
    static Path data;
    private static Ports ports;
    private static LocalEngines engines;
    private static ServiceEnvironments environments;

    @BeforeAll
    static void startEngines() throws Exception {
        ports = Ports.free();
        engines = LocalEngines.start(data, ports, Secrets.load(data));
        environments = new ServiceEnvironments(ports, engines, data);
    }

    @AfterAll
    static void stopEngines() {
        engines.close();
    }

    @Test
    void imageServiceGetsTheS3StoreABucketAndItsDatabaseInTheDataDirectory() {
        ServiceProcess imageService = environments.imageService();

        assertThat(imageService.name()).isEqualTo("image-service");
        assertThat(imageService.url()).isEqualTo("http://localhost:" + ports.imageService());
        assertThat(imageService.environment()).contains(
                entry("FLOTILLA_JWKS_URI", "http://localhost:" + ports.userService() + "/.well-known/jwks.json"),
                entry("FLOTILLA_IMAGE_S3_ENDPOINT", "http://127.0.0.1:" + ports.s3()),
                entry("FLOTILLA_IMAGE_S3_REGION", "us-east-1"),
                entry("FLOTILLA_IMAGE_S3_BUCKET", "flotilla-images"),
                entry("FLOTILLA_IMAGE_S3_ACCESS_KEY", engines.s3AccessKey()),
                entry("FLOTILLA_IMAGE_S3_SECRET_KEY", engines.s3SecretKey()),
                entry("FLOTILLA_IMAGE_S3_PATH_STYLE", "true"),
                entry("FLOTILLA_IMAGE_S3_CREATE_BUCKET", "true"),
                entry("FLOTILLA_IMAGE_WORKERS", "2"));
        assertThat(Path.of(imageService.environment().get("FLOTILLA_IMAGE_DB_PATH"))).isAbsolute()
                .isEqualTo(data.resolve("image-service/images.db").toAbsolutePath());
    }

    @Test
    void imageServiceIsToldOnlyWhatItsConfigurationReads() throws IOException {
        assertReadByConfiguration(environments.imageService().environment(), IMAGE_SERVICE_CONFIGURATION);
    }

    @Test
    void analyticsServiceReadsTheStreamFromOrderServicesRedisDatabase() {
        Map<String, String> orders = environments.orderService("secret").environment();
        Map<String, String> analytics = environments.analyticsService().environment();

        assertThat(orders.get("FLOTILLA_ORDER_DB_USERNAME")).isEqualTo("orders_service").isNotEqualTo("postgres");
        assertThat(analytics).containsEntry("SPRING_DATA_REDIS_DATABASE", orders.get("SPRING_DATA_REDIS_DATABASE"))
                .containsEntry("FLOTILLA_REDIS_HOST", orders.get("FLOTILLA_REDIS_HOST"))
                .containsEntry("FLOTILLA_REDIS_PORT", orders.get("FLOTILLA_REDIS_PORT"))
                .containsEntry("FLOTILLA_ANALYTICS_MONGODB_URI", "mongodb://127.0.0.1:" + ports.mongo() + "/analytics");
        assertThat(Path.of(analytics.get("FLOTILLA_ANALYTICS_CACHE_PATH"))).isAbsolute().startsWithRaw(data.toAbsolutePath());
    }

    @Test
    void analyticsServiceIsToldOnlyWhatItsConfigurationReads() throws IOException {
        assertReadByConfiguration(environments.analyticsService().environment(), ANALYTICS_SERVICE_CONFIGURATION);
    }

    @Test
    void eachServiceHasARedisDatabaseOfItsOwnExceptAnalyticsWhichReadsOrderServicesStream() {
        List<String> databases = List.of(environments.userService("Admin-password-1", "hash"), environments.productService(),
                environments.orderService("secret")).stream()
                .map(service -> service.environment().get("SPRING_DATA_REDIS_DATABASE")).toList();

        assertThat(databases).doesNotHaveDuplicates().doesNotContain("0");
    }

    @Test
    void theGatewayPointsEveryRouteAtItsServiceAndIsToldOnlyWhatItReads() throws IOException {
        ServiceProcess gateway = environments.gateway();

        assertThat(gateway.url()).isEqualTo("http://localhost:" + ports.gateway());
        assertThat(gateway.environment()).containsEntry("FLOTILLA_USER_SERVICE_URL", "http://localhost:" + ports.userService())
                .containsEntry("FLOTILLA_PRODUCT_SERVICE_URL", "http://localhost:" + ports.productService())
                .containsEntry("FLOTILLA_ORDER_SERVICE_URL", "http://localhost:" + ports.orderService())
                .containsEntry("FLOTILLA_IMAGE_SERVICE_URL", "http://localhost:" + ports.imageService())
                .containsEntry("FLOTILLA_ANALYTICS_SERVICE_URL", "http://localhost:" + ports.analyticsService());
        assertReadByConfiguration(gateway.environment(), GATEWAY_CONFIGURATION);
    }

    @Test
    void everyServiceTrustsTheForwardedHeadersOfTheGatewayAndListensOnItsPort() {
        List<ServiceProcess> all = environments.all("Admin-password-1");

        assertThat(all).extracting(ServiceProcess::name).containsExactlyElementsOf(ServiceEnvironments.NAMES);
        assertThat(all).filteredOn(service -> !service.name().equals("gateway"))
                .allSatisfy(service -> assertThat(service.environment()).containsEntry("FLOTILLA_FORWARD_HEADERS", "native"));
        assertThat(all).allSatisfy(service -> assertThat(service.port()).isEqualTo(ports.byName().get(service.name())));
    }

    @Test
    void userServiceKeepsItsSigningKeyWithThePlatformsData() {
        Map<String, String> users = environments.userService("Admin-password-1", "hash").environment();

        assertThat(Path.of(users.get("FLOTILLA_USER_JWT_KEYDIRECTORY"))).startsWithRaw(data.toAbsolutePath());
        assertThat(users.get("FLOTILLA_USER_DB_USERNAME")).isEqualTo("users_service");
        assertThat(users.get("FLOTILLA_USER_DB_PASSWORD")).hasSizeGreaterThanOrEqualTo(32);
    }

    /** Every variable but Boot's relaxed-binding ones appears as a placeholder in the service's application.yaml. */
    private static void assertReadByConfiguration(Map<String, String> environment, Path configuration) throws IOException {
        String yaml = Files.readString(configuration);
        assertThat(environment.keySet())
                // SPRING_DATA_REDIS_DATABASE is spring.data.redis.database by Spring Boot's relaxed binding.
                .filteredOn(variable -> !variable.equals("SPRING_DATA_REDIS_DATABASE"))
                .allSatisfy(variable -> assertThat(yaml).as("%s reads %s", configuration, variable)
                        .containsAnyOf("${" + variable + ":", "${" + variable + "}"));
        assertThat(yaml).contains("${PORT:");
    }
}
