package dev.flotilla.user.account;

import java.util.List;
import java.util.Map;

import dev.flotilla.user.Api;
import dev.flotilla.user.Concurrently;
import dev.flotilla.user.UserServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Wrong current passwords in {@code PUT /api/users/me/password}: five per account in 15 minutes. */
@UserServiceTest
class PasswordChangeLimitTests {

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void wrongCurrentPasswordsAreLimitedPerAccountEvenWithTheRightOneAfterwards() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        String access = Api.accessToken(api.login(email, Api.PASSWORD));
        for (int i = 0; i < 5; i++) {
            changePassword(access, "Not-The-Password-" + i, "A-Brand-New-Phrase-77").andExpect(status().isBadRequest());
        }
        ResultActions refused = changePassword(access, Api.PASSWORD, "A-Brand-New-Phrase-77")
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(Long.parseLong(refused.andReturn().getResponse().getHeader("Retry-After"))).isBetween(14 * 60L, 15 * 60L);
        api.login(email, Api.PASSWORD);
    }

    @Test
    void simultaneousWrongCurrentPasswordsCannotSlipPastTheLimit() throws Exception {
        String access = Api.accessToken(api.registerAndLogin());
        List<Integer> statuses = Concurrently.run(12, () -> changePassword(access, "Not-The-Password-1", "A-Brand-New-Phrase-77")
                .andReturn().getResponse().getStatus());
        assertThat(statuses).filteredOn(status -> status == 400).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(7);
    }

    @Test
    void aRightCurrentPasswordDoesNotUseUpTheLimit() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        String access = Api.accessToken(api.login(email, Api.PASSWORD));
        String current = Api.PASSWORD;
        for (int i = 0; i < 6; i++) {
            String next = "A-Brand-New-Phrase-7" + i;
            changePassword(access, current, next).andExpect(status().isNoContent());
            current = next;
        }
        changePassword(access, "Not-The-Password-1", "A-Brand-New-Phrase-99").andExpect(status().isBadRequest());
    }

    private ResultActions changePassword(String accessToken, String currentPassword, String newPassword) throws Exception {
        return api.authorized(put("/api/users/me/password"), accessToken,
                Map.of("currentPassword", currentPassword, "newPassword", newPassword));
    }
}
