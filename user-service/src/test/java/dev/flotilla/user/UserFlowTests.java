package dev.flotilla.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceTest
class UserFlowTests {

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void registerLoginAndReadMyAccount() throws Exception {
        String email = Api.newEmail();
        JsonNode account = api.register(email);
        JsonNode tokens = api.login(email, Api.PASSWORD);
        JsonNode me = api.me(Api.accessToken(tokens));

        assertThat(me.get("id").asString()).isEqualTo(account.get("id").asString());
        assertThat(me.get("email").asString()).isEqualTo(email);
        assertThat(tokens.get("refreshToken").asString()).isNotBlank();
    }
}
