package dev.flotilla.user.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.flotilla.user.client.TokenRequests.ORDER_SERVICE;
import static dev.flotilla.user.client.TokenRequests.ORDER_SERVICE_SECRET;
import static dev.flotilla.user.client.TokenRequests.basic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client token may not do, and how far a client can go: the configured lifetime, the limit on
 * failed authentications per address, and no way into the endpoints of accounts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "flotilla.user.client-token-ttl=2m", "flotilla.user.client-auth-limits.address-failures=3"})
@ActiveProfiles("test")
@RealEngines({Engine.POSTGRESQL, Engine.REDIS})
// The limit test runs last: after it, this address gets no token for a minute.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientTokenBoundsTests {

    static final String GRANT = "grant_type=client_credentials";

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theLifetimeIsConfigurable() throws Exception {
        JsonNode token = json.readTree(new TokenRequests(port).post(GRANT, basic(ORDER_SERVICE, ORDER_SERVICE_SECRET)).body());
        assertThat(token.get("expires_in").asLong()).isEqualTo(120);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /api/users/me", "GET, /api/users/me/settings", "GET, /api/auth/sessions", "POST, /api/auth/logout",
            "GET, /api/users"})
    void aClientTokenCannotActAsAnAccount(String method, String path) throws Exception {
        String token = json.readTree(new TokenRequests(port).post(GRANT, basic(ORDER_SERVICE, ORDER_SERVICE_SECRET)).body())
                .get("access_token").asString();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void failedAuthenticationsAreLimitedPerAddressAndTheLimitRefusesEvenTheRightSecret() throws Exception {
        TokenRequests requests = new TokenRequests(port);
        for (int i = 0; i < 3; i++) {
            assertThat(requests.post(GRANT, basic(ORDER_SERVICE, "guess-" + i)).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = requests.post(GRANT, basic(ORDER_SERVICE, ORDER_SERVICE_SECRET));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(limited.body()).get("error").asString()).isEqualTo("temporarily_unavailable");
    }
}
