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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Registrations per client address, lowered to three an hour so that a test reaches the limit quickly. */
@UserServiceTest
@TestPropertySource(properties = "flotilla.user.registration-limits.address-attempts=3")
class RegistrationRateLimitTests {

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void registrationsFromOneAddressAreLimitedAndOtherAddressesAreNot() throws Exception {
        register(Api.registration(Api.newEmail()), "10.1.0.1").andExpect(status().isCreated());
        Map<String, Object> invalid = Api.registration(Api.newEmail());
        invalid.put("countryCode", "XX");
        register(invalid, "10.1.0.1").andExpect(status().isBadRequest());
        register(Api.registration(Api.newEmail()), "10.1.0.1").andExpect(status().isCreated());

        ResultActions refused = register(Api.registration(Api.newEmail()), "10.1.0.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        long retryAfter = Long.parseLong(refused.andReturn().getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(59 * 60L, 60 * 60L);
        register(Api.registration(Api.newEmail()), "10.1.0.2").andExpect(status().isCreated());
    }

    @Test
    void simultaneousRegistrationsFromOneAddressCannotSlipPastTheLimit() throws Exception {
        List<Integer> statuses = Concurrently.run(10, () -> register(Api.registration(Api.newEmail()), "10.1.1.1")
                .andReturn().getResponse().getStatus());
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(7);
    }

    private ResultActions register(Map<String, Object> body, String address) throws Exception {
        return mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content(api.json(body))
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }
}
