package dev.flotilla.user.account;

import java.net.URI;
import java.util.Map;

import dev.flotilla.user.Api;
import dev.flotilla.user.UserServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@UserServiceTest
class AdminTests {

    @Autowired
    MockMvc mvc;

    Api api;
    String admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        admin = Api.accessToken(api.loginAdmin());
    }

    @Test
    void theBootstrapAdministratorExistsWithBothRoles() throws Exception {
        JsonNode me = api.me(admin);
        assertThat(me.get("email").asString()).isEqualTo("admin@flotilla.test");
        assertThat(me.get("roles").values()).extracting(JsonNode::asString).containsExactlyInAnyOrder("ADMIN", "CUSTOMER");
    }

    @Test
    void listsAccountsByEmailPrefixAndCountryPageByPage() throws Exception {
        String prefix = "listing" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = Api.registration(prefix + "-" + i + "@example.com");
            if (i >= 3) {
                body.put("countryCode", "FR");
                body.put("cityId", 2988507);
            }
            api.perform(post("/api/users"), body).andExpect(status().isCreated());
        }

        JsonNode firstPage = list("?emailPrefix=" + prefix + "&size=2");
        assertThat(firstPage.get("totalItems").asLong()).isEqualTo(5);
        assertThat(firstPage.get("totalPages").asInt()).isEqualTo(3);
        assertThat(firstPage.get("items").values()).extracting(item -> item.get("email").asString())
                .containsExactly(prefix + "-0@example.com", prefix + "-1@example.com");
        assertThat(list("?emailPrefix=" + prefix + "&size=2&page=2").get("items").values()).hasSize(1);
        assertThat(list("?emailPrefix=" + prefix.toUpperCase() + "&country=fr").get("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void likeWildcardsInThePrefixMatchLiterally() throws Exception {
        assertThat(list("?emailPrefix=%25").get("totalItems").asLong()).isZero();
        assertThat(list("?emailPrefix=_").get("totalItems").asLong()).isZero();
        assertThat(list("?emailPrefix='OR'1'='1").get("totalItems").asLong()).isZero();
    }

    @Test
    void aNulOrAnInvisibleCharacterInTheEmailPrefixIsABadRequest() throws Exception {
        api.authorized(get(URI.create("/api/users?emailPrefix=%00")), admin).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("emailPrefix"));
        api.authorized(get(URI.create("/api/users?emailPrefix=admin%E2%80%8B")), admin).andExpect(status().isBadRequest());
        api.authorized(get(URI.create("/api/users?emailPrefix=a%20b")), admin).andExpect(status().isBadRequest());
        assertThat(list("?emailPrefix=ADMIN@").get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void badListingParametersAreRejected() throws Exception {
        api.authorized(get("/api/users?size=0"), admin).andExpect(status().isBadRequest());
        api.authorized(get("/api/users?size=1000"), admin).andExpect(status().isBadRequest());
        api.authorized(get("/api/users?page=-1"), admin).andExpect(status().isBadRequest());
        api.authorized(get("/api/users?page=abc"), admin).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        api.authorized(get("/api/users?country=Germany"), admin).andExpect(status().isBadRequest());
    }

    @Test
    void rolesCanBeGrantedAndCustomerIsAlwaysKept() throws Exception {
        String id = api.register(Api.newEmail()).get("id").asString();
        api.authorized(patch("/api/users/" + id + "/roles"), admin, Map.of("roles", new String[] {"ADMIN"}))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles.length()").value(2));
        api.authorized(patch("/api/users/" + id + "/roles"), admin, Map.of("roles", new String[] {}))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles[0]").value("CUSTOMER"))
                .andExpect(jsonPath("$.roles.length()").value(1));
        api.authorized(patch("/api/users/" + id + "/roles"), admin, Map.of("roles", new String[] {"ROOT"}))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aServiceAccountGetsTheServiceRoleInItsTokens() throws Exception {
        String email = Api.newEmail();
        String id = api.register(email).get("id").asString();
        api.authorized(patch("/api/users/" + id + "/roles"), admin, Map.of("roles", new String[] {"SERVICE"}))
                .andExpect(status().isOk());
        String token = Api.accessToken(api.login(email, Api.PASSWORD));
        assertThat(api.me(token).get("roles").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("CUSTOMER", "SERVICE");
    }

    @Test
    void aDisabledAccountCannotLogInAndLosesItsSessions() throws Exception {
        String email = Api.newEmail();
        String id = api.register(email).get("id").asString();
        JsonNode session = api.login(email, Api.PASSWORD);

        api.authorized(post("/api/users/" + id + "/disable"), admin).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISABLED"));

        api.perform(post("/api/auth/login"), Map.of("email", email, "password", Api.PASSWORD))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value("email or password is wrong"));
        api.perform(post("/api/auth/refresh"), Map.of("refreshToken", session.get("refreshToken").asString()))
                .andExpect(status().isUnauthorized());

        api.authorized(post("/api/users/" + id + "/enable"), admin).andExpect(status().isOk());
        api.perform(post("/api/auth/refresh"), Map.of("refreshToken", session.get("refreshToken").asString()))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value("unknown or expired refresh token"));
        api.login(email, Api.PASSWORD);
    }

    @Test
    void unknownAndMalformedIdsAreNotFoundOrBadRequests() throws Exception {
        api.authorized(post("/api/users/00000000-0000-0000-0000-000000000000/disable"), admin).andExpect(status().isNotFound());
        api.authorized(post("/api/users/not-a-uuid/disable"), admin).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    private JsonNode list(String query) throws Exception {
        return api.read(api.authorized(get("/api/users" + query), admin).andExpect(status().isOk()));
    }
}
