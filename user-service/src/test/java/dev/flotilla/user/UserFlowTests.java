package dev.flotilla.user;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.flotilla.resourceserver.ResourceServerApplication;
import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import dev.flotilla.user.jwt.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The service over real HTTP on a random port, as other services and clients see it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RealEngines({Engine.POSTGRESQL, Engine.REDIS})
class UserFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    ConfigurableApplicationContext resourceServer;

    @BeforeEach
    void startResourceServer() {
        // Command-line arguments, and no application.yaml of user-service: nothing but the JWKS address is shared.
        resourceServer = new SpringApplicationBuilder(ResourceServerApplication.class).run("--server.port=0",
                "--spring.config.name=resource-server", "--spring.main.banner-mode=off",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:" + port + "/.well-known/jwks.json");
    }

    @AfterEach
    void stopResourceServer() {
        resourceServer.close();
    }

    @Test
    void aCustomerRegistersLogsInRefreshesAndLogsOut() throws Exception {
        String email = Api.newEmail();
        assertThat(send("POST", "/api/users", Api.registration(email), null).statusCode()).isEqualTo(201);
        JsonNode tokens = body(send("POST", "/api/auth/login", Map.of("email", email, "password", Api.PASSWORD), null));
        String access = tokens.get("accessToken").asString();

        assertThat(body(send("GET", "/api/users/me", null, access)).get("email").asString()).isEqualTo(email);
        JsonNode refreshed = body(send("POST", "/api/auth/refresh", Map.of("refreshToken", tokens.get("refreshToken").asString()), null));
        assertThat(send("POST", "/api/auth/logout", null, refreshed.get("accessToken").asString()).statusCode()).isEqualTo(204);
        HttpResponse<String> afterLogout = send("POST", "/api/auth/refresh",
                Map.of("refreshToken", refreshed.get("refreshToken").asString()), null);
        assertThat(afterLogout.statusCode()).isEqualTo(401);
        assertThat(afterLogout.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void twentySimultaneousRegistrationsOfOneEmailCreateExactlyOneAccount() throws Exception {
        String email = Api.newEmail();
        List<Integer> statuses = Concurrently.run(20, () -> send("POST", "/api/users", Api.registration(email), null).statusCode());

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status != 201).containsOnly(409);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE email = ?", Long.class, email)).isEqualTo(1);
    }

    @Test
    void anotherServiceValidatesTokensThroughTheJwksDocumentAlone() throws Exception {
        JsonNode jwks = body(send("GET", "/.well-known/jwks.json", null, null));
        assertThat(jwks.get("keys").values()).extracting(key -> key.get("kid").asString())
                .containsExactlyInAnyOrder("test-active", "test-retired");
        assertThat(jwks.toString()).doesNotContain("\"d\"");

        String email = Api.newEmail();
        String id = body(send("POST", "/api/users", Api.registration(email), null)).get("id").asString();
        String access = body(send("POST", "/api/auth/login", Map.of("email", email, "password", Api.PASSWORD), null))
                .get("accessToken").asString();
        int resourcePort = resourceServer.getEnvironment().getRequiredProperty("local.server.port", Integer.class);

        HttpResponse<String> accepted = get(resourcePort, "/whoami", access);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json.readTree(accepted.body()).get("subject").asString()).isEqualTo(id);

        JWTClaimsSet claims = TestTokens.claims(id, List.of("CUSTOMER"), 300).build();
        assertThat(get(resourcePort, "/whoami", TestTokens.signedWithRetiredKey(claims)).statusCode()).isEqualTo(200);
        assertThat(get(resourcePort, "/whoami", TestTokens.signedWithUnknownKey("test-active", claims)).statusCode()).isEqualTo(401);
        assertThat(get(resourcePort, "/whoami", TestTokens.unsigned(claims)).statusCode()).isEqualTo(401);
        assertThat(get(resourcePort, "/whoami", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aHugeChunkedBodyIsRefusedWith413() throws Exception {
        byte[] huge = ("{\"email\":\"" + "x".repeat(200_000) + "\"}").getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private HttpResponse<String> send(String method, String path, Object body, String accessToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int targetPort, String path, String accessToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + targetPort + path));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }
}
