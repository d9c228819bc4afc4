package dev.flotilla.user.auth;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flotilla.user.Api;
import dev.flotilla.user.Concurrently;
import dev.flotilla.user.UserServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The slower limit on the account as a whole, against guesses spread over many addresses; lowered to
 * ten failures so that a test reaches it quickly.
 */
@UserServiceTest
@TestPropertySource(properties = "flotilla.user.login-limits.account-failures=10")
class AccountWideLoginLimitTests {

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void guessesFromManyAddressesStopNewAddressesButNotAnAddressTheOwnerUsedBefore() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        login(email, Api.PASSWORD, "192.0.2.1").andExpect(status().isOk());
        for (int i = 0; i < 10; i++) {
            login(email, "Wrong-Password-" + i, "198.51.100." + i).andExpect(status().isUnauthorized());
        }

        ResultActions refused = login(email, Api.PASSWORD, "203.0.113.7").andExpect(status().isTooManyRequests());
        long retryAfter = Long.parseLong(refused.andReturn().getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(59 * 60L, 60 * 60L);
        login(email, Api.PASSWORD, "192.0.2.1").andExpect(status().isOk());
    }

    @Test
    void simultaneousGuessesFromManyAddressesCannotSlipPastTheAccountLimit() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        AtomicInteger address = new AtomicInteger();
        List<Integer> statuses = Concurrently.run(14, () -> login(email, "Wrong-Password-x",
                "10.0.6." + address.incrementAndGet()).andReturn().getResponse().getStatus());
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(10);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(4);
    }

    @Test
    void theOwnersSuccessfulLoginsDoNotUseUpTheAccountLimit() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        for (int i = 0; i < 12; i++) {
            login(email, Api.PASSWORD, "10.0.7." + i).andExpect(status().isOk());
        }
        login(email, "Wrong-Password-1", "10.0.7.99").andExpect(status().isUnauthorized());
    }

    private ResultActions login(String email, String password, String address) throws Exception {
        return LoginRateLimitTests.login(mvc, email, password, address);
    }
}
