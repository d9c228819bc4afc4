package dev.flotilla.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.flotilla.sweep.ApiSweep;
import dev.flotilla.sweep.OpenApiContract;
import dev.flotilla.sweep.SetupClient;
import dev.flotilla.sweep.SweepReport;
import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import dev.flotilla.user.jwt.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented operation swept with valid, hostile and malformed requests as admin, customer
 * and service (see api-sweep), and the OpenAPI document checked for its error contract. The login
 * limits are raised: otherwise most of the sweep's logins would only see 429.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "flotilla.user.login-limits.address-attempts=1000000", "flotilla.user.login-limits.account-failures=1000000"})
@ActiveProfiles("test")
@RealEngines({Engine.POSTGRESQL, Engine.REDIS})
class ApiSweepTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    String admin;
    String customer;
    String service;
    String adminId;
    String otherAccountId;
    String otherAdminSession;
    String loginEmail;

    @BeforeEach
    void createAccountsAndTokens() throws Exception {
        JsonNode adminLogin = login("admin@flotilla.test", "Sturdy-Admin-Passphrase-42");
        admin = adminLogin.get("accessToken").asString();
        adminId = body(send("GET", "/api/users/me", null, admin)).get("id").asString();
        otherAdminSession = body(send("GET", "/api/auth/sessions", null,
                login("admin@flotilla.test", "Sturdy-Admin-Passphrase-42").get("accessToken").asString()))
                .valueStream().filter(session -> session.get("current").asBoolean()).findFirst().orElseThrow()
                .get("id").asString();
        customer = registerAndLogin().get("accessToken").asString();
        String serviceEmail = Api.newEmail();
        String serviceId = register(serviceEmail);
        body(send("PATCH", "/api/users/" + serviceId + "/roles", Map.of("roles", List.of("SERVICE")), admin));
        service = login(serviceEmail, Api.PASSWORD).get("accessToken").asString();
        otherAccountId = register(Api.newEmail());
        loginEmail = Api.newEmail();
        register(loginEmail);
    }

    @Test
    void noOperationFailsAcceptsWhatItMustRefuseOrAnswersAnErrorThatIsNotAProblem() {
        SweepReport report = ApiSweep.onPort(port)
                .token("admin", admin).token("customer", customer).token("service", service)
                .rejectedToken("expired", TestTokens.signedWithRetiredKey(TestTokens.claims(adminId, List.of("ADMIN"), -120).build()))
                .rejectedToken("another issuer", TestTokens.signedWithRetiredKey(
                        TestTokens.claims(adminId, List.of("ADMIN"), 300).issuer("someone-else").build()))
                .pathValue("/api/users/{id}", "id", otherAccountId)
                .pathValue("/api/auth/sessions/{id}", "id", otherAdminSession)
                .pathValue("/api/reference/countries/{code}", "code", "DE")
                .value("countryCode", "DE").value("country", "DE").value("cityId", 2950159)
                .value("preferredCurrency", "EUR").value("currency", "EUR")
                .body("POST /api/users", () -> Api.registration(Api.newEmail()))
                .body("POST /api/auth/login", () -> Map.of("email", loginEmail, "password", Api.PASSWORD))
                .body("PATCH /api/users/me", () -> Map.of("displayName", "Swept User"))
                // Ending a real session is sent only with ids that must not match it.
                .destructive("DELETE /api/auth/sessions/{id}")
                .maxRequestsPerOperation(250).timeLimit(Duration.ofSeconds(60))
                .run();

        assertThat(report.isClean()).as("%s", report).isTrue();
    }

    @Test
    void theDocumentTellsClientsHowEveryOperationFails() {
        assertThat(OpenApiContract.of(URI.create("http://127.0.0.1:" + port)).violations()).isEmpty();
    }

    private JsonNode registerAndLogin() throws Exception {
        String email = Api.newEmail();
        register(email);
        return login(email, Api.PASSWORD);
    }

    private String register(String email) throws Exception {
        return body(send("POST", "/api/users", Api.registration(email), null)).get("id").asString();
    }

    private JsonNode login(String email, String password) throws Exception {
        return body(send("POST", "/api/auth/login", Map.of("email", email, "password", password), null));
    }

    private HttpResponse<String> send(String method, String path, Object body, String accessToken) throws Exception {
        return new SetupClient(port).send(method, path, body, accessToken);
    }

    private JsonNode body(HttpResponse<String> response) {
        return new SetupClient(port).ok(response);
    }
}
