package dev.flotilla.user.auth;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.flotilla.user.Api;
import dev.flotilla.user.Concurrently;
import dev.flotilla.user.UserServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@UserServiceTest
class AuthenticationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JwtDecoder decoder;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void loginIssuesAFifteenMinuteRs256TokenWithTheAccountClaims() throws Exception {
        String email = Api.newEmail();
        JsonNode account = api.register(email);
        JsonNode tokens = api.login(email.toUpperCase(), Api.PASSWORD);

        Jwt jwt = decoder.decode(Api.accessToken(tokens));
        assertThat(jwt.getSubject()).isEqualTo(account.get("id").asString());
        assertThat(jwt.getClaimAsString("email")).isEqualTo(email);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CUSTOMER");
        assertThat(jwt.getClaimAsString("sid")).isEqualTo(tokens.get("sessionId").asString());
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", "test-active");
        assertThat(jwt.getExpiresAt()).isEqualTo(jwt.getIssuedAt().plusSeconds(900));
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(tokens.get("refreshExpiresIn").asLong()).isEqualTo(30L * 24 * 3600);
        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        String wrongPassword = api.read(api.perform(post("/api/auth/login"), Map.of("email", email, "password", "Wrong-Password-123"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))).get("detail").asString();
        String unknownEmail = api.read(api.perform(post("/api/auth/login"), Map.of("email", "nobody@example.com", "password", Api.PASSWORD))
                .andExpect(status().isUnauthorized())).get("detail").asString();
        assertThat(wrongPassword).isEqualTo(unknownEmail).isEqualTo("email or password is wrong");
    }

    @Test
    void refreshRotatesTheTokenAndAReusedTokenEndsTheWholeSession() throws Exception {
        JsonNode login = api.registerAndLogin();
        String first = login.get("refreshToken").asString();

        JsonNode second = api.read(refresh(first).andExpect(status().isOk()));
        assertThat(second.get("refreshToken").asString()).isNotEqualTo(first);
        assertThat(second.get("sessionId").asString()).isEqualTo(login.get("sessionId").asString());
        api.me(Api.accessToken(second));
        JsonNode third = api.read(refresh(second.get("refreshToken").asString()).andExpect(status().isOk()));

        refresh(first).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("this refresh token was already used; the session is revoked"));
        refresh(third.get("refreshToken").asString()).andExpect(status().isUnauthorized());
        assertThat(sessions(Api.accessToken(third))).isEmpty();
    }

    @Test
    void simultaneousRefreshesWithOneTokenLetExactlyOneThrough() throws Exception {
        String token = api.registerAndLogin().get("refreshToken").asString();
        List<Integer> statuses = Concurrently.run(10, () -> refresh(token).andReturn().getResponse().getStatus());
        assertThat(statuses).containsOnly(200, 401).filteredOn(status -> status == 200).hasSize(1);
    }

    @Test
    void malformedAndUnknownRefreshTokensAreRefused() throws Exception {
        refresh("").andExpect(status().isBadRequest());
        refresh("not-a-token").andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value("not a refresh token"));
        refresh("x".repeat(201)).andExpect(status().isBadRequest());
        refresh("AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("unknown or expired refresh token"));
        String session = api.registerAndLogin().get("refreshToken").asString().substring(0, 22);
        refresh(session + ".BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB").andExpect(status().isUnauthorized());
    }

    @Test
    void logoutEndsTheSessionOfTheToken() throws Exception {
        JsonNode login = api.registerAndLogin();
        api.authorized(post("/api/auth/logout"), Api.accessToken(login)).andExpect(status().isNoContent());
        refresh(login.get("refreshToken").asString()).andExpect(status().isUnauthorized());
    }

    @Test
    void sessionsAreListedAndCanBeEndedOneByOne() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        JsonNode laptop = api.login(email, Api.PASSWORD);
        JsonNode phone = api.login(email, Api.PASSWORD);

        JsonNode listed = sessions(Api.accessToken(laptop));
        assertThat(listed.values()).hasSize(2);
        assertThat(listed.values()).filteredOn(session -> session.get("current").asBoolean())
                .extracting(session -> session.get("id").asString()).containsExactly(laptop.get("sessionId").asString());

        api.authorized(delete("/api/auth/sessions/" + phone.get("sessionId").asString()), Api.accessToken(laptop))
                .andExpect(status().isNoContent());
        refresh(phone.get("refreshToken").asString()).andExpect(status().isUnauthorized());
        assertThat(sessions(Api.accessToken(laptop)).values()).hasSize(1);

        api.authorized(delete("/api/auth/sessions/unknown"), Api.accessToken(laptop)).andExpect(status().isNotFound());
        JsonNode stranger = api.registerAndLogin();
        api.authorized(delete("/api/auth/sessions/" + laptop.get("sessionId").asString()), Api.accessToken(stranger))
                .andExpect(status().isNotFound());
        refresh(laptop.get("refreshToken").asString()).andExpect(status().isOk());
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsOnly() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        JsonNode current = api.login(email, Api.PASSWORD);
        JsonNode other = api.login(email, Api.PASSWORD);

        api.authorized(put("/api/users/me/password"), Api.accessToken(current),
                Map.of("currentPassword", "Not-The-Password-1", "newPassword", "A-Brand-New-Phrase-77"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        api.authorized(put("/api/users/me/password"), Api.accessToken(current),
                Map.of("currentPassword", Api.PASSWORD, "newPassword", "password12345"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("newPassword"));
        api.authorized(put("/api/users/me/password"), Api.accessToken(current),
                Map.of("currentPassword", Api.PASSWORD, "newPassword", "A-Brand-New-Phrase-77"))
                .andExpect(status().isNoContent());

        refresh(other.get("refreshToken").asString()).andExpect(status().isUnauthorized());
        refresh(current.get("refreshToken").asString()).andExpect(status().isOk());
        api.perform(post("/api/auth/login"), Map.of("email", email, "password", Api.PASSWORD)).andExpect(status().isUnauthorized());
        api.login(email, "A-Brand-New-Phrase-77");
    }

    @Test
    void onlyTheFirst72BytesOfAPasswordCountForBcryptSoLongerOnesNeverMatch() throws Exception {
        String password = "Correct-Horse-Battery-90" + "é".repeat(24);
        assertThat(password.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        String email = Api.newEmail();
        Map<String, Object> registration = Api.registration(email);
        registration.put("password", password);
        api.perform(post("/api/users"), registration).andExpect(status().isCreated());

        api.perform(fromAddress(post("/api/auth/login"), "10.9.0.1"), Map.of("email", email, "password", password + "anything"))
                .andExpect(status().isUnauthorized());
        api.perform(fromAddress(post("/api/auth/login"), "10.9.0.1"), Map.of("email", email, "password", password + "é"))
                .andExpect(status().isUnauthorized());
        api.perform(fromAddress(post("/api/auth/login"), "10.9.0.1"), Map.of("email", email, "password", password))
                .andExpect(status().isOk());
    }

    @Test
    void aNulCharacterInTheLoginEmailIsAClientError() throws Exception {
        api.perform(fromAddress(post("/api/auth/login"), "10.9.0.2"), Map.of("email", "admin\u0000@flotilla.test", "password", Api.PASSWORD))
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        api.perform(fromAddress(post("/api/auth/login"), "10.9.0.2"), Map.of("email", "admin@flotilla.test\u200b", "password", Api.PASSWORD))
                .andExpect(status().is4xxClientError());
    }

    /** Logins from an address of their own, so that they leave the limit of 127.0.0.1 to the other tests. */
    private static MockHttpServletRequestBuilder fromAddress(MockHttpServletRequestBuilder request, String address) {
        return request.with(mock -> {
            mock.setRemoteAddr(address);
            return mock;
        });
    }

    private JsonNode sessions(String accessToken) throws Exception {
        return api.read(api.authorized(get("/api/auth/sessions"), accessToken).andExpect(status().isOk()));
    }

    private ResultActions refresh(String token) throws Exception {
        return api.perform(post("/api/auth/refresh"), Map.of("refreshToken", token));
    }
}
