package dev.flotilla.user.jwt;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.flotilla.user.Api;
import dev.flotilla.user.UserServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@UserServiceTest
class AccessControlTests {

    @Autowired
    MockMvc mvc;

    Api api;
    String subject;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        subject = UUID.randomUUID().toString();
    }

    static Stream<Arguments> protectedEndpoints() {
        String id = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/api/users/me"),
                Arguments.of(HttpMethod.PATCH, "/api/users/me"),
                Arguments.of(HttpMethod.PUT, "/api/users/me/password"),
                Arguments.of(HttpMethod.GET, "/api/users/me/settings"),
                Arguments.of(HttpMethod.PUT, "/api/users/me/settings"),
                Arguments.of(HttpMethod.POST, "/api/auth/logout"),
                Arguments.of(HttpMethod.GET, "/api/auth/sessions"),
                Arguments.of(HttpMethod.DELETE, "/api/auth/sessions/abc"),
                Arguments.of(HttpMethod.GET, "/api/users"),
                Arguments.of(HttpMethod.PATCH, "/api/users/" + id + "/roles"),
                Arguments.of(HttpMethod.POST, "/api/users/" + id + "/disable"),
                Arguments.of(HttpMethod.POST, "/api/users/" + id + "/enable"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("protectedEndpoints")
    void everyProtectedEndpointAnswers401WithoutAToken(HttpMethod method, String path) throws Exception {
        mvc.perform(request(method, path).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    static Stream<Arguments> adminEndpoints() {
        return protectedEndpoints().filter(arguments -> {
            String path = (String) arguments.get()[1];
            return path.equals("/api/users") || path.matches("/api/users/[0-9a-f-]{36}/.*");
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("adminEndpoints")
    void administrationAnswers403ToCustomers(HttpMethod method, String path) throws Exception {
        String customer = Api.accessToken(api.registerAndLogin());
        mvc.perform(request(method, path).header("Authorization", "Bearer " + customer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"ADMIN\"]}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aTokenSignedWithTheRetiredKeyIsStillAccepted() throws Exception {
        JsonNode login = api.registerAndLogin();
        String id = api.me(Api.accessToken(login)).get("id").asString();
        String token = TestTokens.signedWithRetiredKey(TestTokens.claims(id, List.of("CUSTOMER"), 300).build());
        api.authorized(get("/api/users/me"), token).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
    }

    static Stream<Arguments> forgedTokens() {
        String subject = UUID.randomUUID().toString();
        JWTClaimsSet valid = TestTokens.claims(subject, List.of("ADMIN"), 300).build();
        String good = TestTokens.signedWithRetiredKey(valid);
        String[] parts = good.split("\\.");
        String tamperedPayload = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
        String tamperedSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
        return Stream.of(
                Arguments.of("tampered payload", tamperedPayload),
                Arguments.of("tampered signature", tamperedSignature),
                Arguments.of("expired", TestTokens.signedWithRetiredKey(TestTokens.claims(subject, List.of("ADMIN"), -120).build())),
                Arguments.of("another issuer", TestTokens.signedWithRetiredKey(new JWTClaimsSet.Builder(valid).issuer("evil").build())),
                Arguments.of("unknown kid", TestTokens.signedWithUnknownKey("no-such-key", valid)),
                Arguments.of("unknown key, known kid", TestTokens.signedWithUnknownKey("test-active", valid)),
                Arguments.of("alg none", TestTokens.unsigned(valid)),
                Arguments.of("HS256 with the public key", TestTokens.hmacWithPublicKeyAsSecret(valid)),
                Arguments.of("not a JWT", "definitely-not-a-token"),
                Arguments.of("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void forgedExpiredAndMalformedTokensAreRejected(String kind, String token) throws Exception {
        mvc.perform(get("/api/users").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void publicEndpointsNeedNoToken() throws Exception {
        mvc.perform(get("/.well-known/jwks.json")).andExpect(status().isOk());
        mvc.perform(get("/api/reference/countries")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/auth/login']").exists());
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/info")).andExpect(status().isOk())
                .andExpect(jsonPath("$.referenceData.schemaVersion").value("3"))
                .andExpect(jsonPath("$.referenceData.contentChecksum").value(org.hamcrest.Matchers.startsWith("sha256:")));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
    }
}
