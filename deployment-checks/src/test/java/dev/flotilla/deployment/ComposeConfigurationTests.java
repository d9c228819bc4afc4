package dev.flotilla.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * docker-compose.yml, compose's nginx and .env.example agree with the code; and each kind of
 * disagreement, made on purpose in a copy, is found.
 */
class ComposeConfigurationTests {

    private static final Path ROOT = Path.of(System.getProperty("flotilla.root", "..")).toAbsolutePath().normalize();

    @Test
    void composeAgreesWithTheServicesTheGatewayAndTheImages() throws IOException {
        assertThat(ComposeChecks.ofRepository(ROOT).problems()).isEmpty();
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                arguments("compose", "FLOTILLA_PRODUCT_MONGODB_URI:", "FLOTILLA_PRODUCT_MONGO_URI:", "FLOTILLA_PRODUCT_MONGO_URI"),
                arguments("compose", "PORT: \"8083\"", "PORT: \"8093\"", "PORT 8093"),
                arguments("compose", "flotilla/order-service:", "flotilla/orders:", "order-service: image"),
                arguments("compose", "image: flotilla/image-service:${FLOTILLA_VERSION:-latest}",
                        "image: flotilla/image-service:${FLOTILLA_VERSION:-stable}", "default tag stable"),
                arguments("compose", "dev.flotilla.web.probe.HealthProbe", "dev.flotilla.web.Probe", "health check"),
                arguments("compose", "  read_only: true\n  tmpfs:\n    - /tmp:size=64m", "  read_only: false\n  tmpfs:\n    - /tmp:size=64m",
                        "not read-only"),
                arguments("compose", "      - analytics-data:/var/lib/flotilla\n    depends_on", "    depends_on",
                        "FLOTILLA_ANALYTICS_CACHE_PATH"),
                arguments("compose", "${ORDER_CLIENT_SECRET:?", "${ORDER_SECRET:?", "ORDER_SECRET"),
                arguments("compose", "condition: service_completed_successfully", "condition: service_started", "without a condition"),
                arguments("nginx", "        location /api/cart/ { set $upstream http://order-service:8083; proxy_pass $upstream; }\n", "",
                        "nginx routes"),
                arguments("nginx", "location = /api/images {", "location = /api/stock/reservations { set $upstream http://product-service:8082; proxy_pass $upstream; }\n        location = /api/images {",
                        "/api/stock"),
                arguments("nginx", "http://image-service:8084; proxy_pass $upstream; }\n        location /api/images/",
                        "http://image-service:8048; proxy_pass $upstream; }\n        location /api/images/", "ports"),
                arguments("env", "ADMIN_PASSWORD='change-me-Admin-password-1'", "ADMIN_PASSWORD='Sup3r-secret'", "placeholder"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("breakages")
    void aDisagreementIsFound(String file, String from, String to, String expected) throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        String nginx = Files.readString(ROOT.resolve("compose/nginx.conf"));
        String environment = Files.readString(ROOT.resolve(".env.example"));
        String original = switch (file) {
            case "compose" -> compose;
            case "nginx" -> nginx;
            default -> environment;
        };
        assertThat(original).as("the text to change").contains(from);
        String broken = original.replace(from, to);
        ComposeChecks checks = switch (file) {
            case "compose" -> new ComposeChecks(ROOT, broken, nginx, environment);
            case "nginx" -> new ComposeChecks(ROOT, compose, broken, environment);
            default -> new ComposeChecks(ROOT, compose, nginx, broken);
        };
        assertThat(checks.problems()).anySatisfy(problem -> assertThat(problem).contains(expected));
    }
}
