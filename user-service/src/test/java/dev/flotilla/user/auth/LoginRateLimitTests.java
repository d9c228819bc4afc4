package dev.flotilla.user.auth;

import java.util.List;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The default limits: five failures per account and address in 15 minutes, 20 attempts per address a minute. */
@UserServiceTest
class LoginRateLimitTests {

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void anAttackerAtOneAddressCannotLockTheOwnerOutAtAnother() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        for (int i = 0; i < 6; i++) {
            login(email, "Wrong-Password-" + i, "10.0.0.1");
        }
        login(email, Api.PASSWORD, "10.0.0.2").andExpect(status().isOk());
        login(email, Api.PASSWORD, "10.0.0.2").andExpect(status().isOk());
    }

    @Test
    void fiveFailuresStopThatAddressForFifteenMinutesEvenWithTheRightPassword() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        for (int i = 0; i < 5; i++) {
            login(email, "Wrong-Password-" + i, "10.0.5.1").andExpect(status().isUnauthorized());
        }
        ResultActions refused = login(email, Api.PASSWORD, "10.0.5.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        long retryAfter = Long.parseLong(refused.andReturn().getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(14 * 60L, 15 * 60L);
    }

    @Test
    void addressesOfOneIpv6Slash64CountAsOneAddress() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        for (int i = 1; i <= 5; i++) {
            login(email, "Wrong-Password-" + i, "2001:db8:1:2::" + i).andExpect(status().isUnauthorized());
        }
        login(email, "Wrong-Password-6", "2001:db8:1:2:ffff::6").andExpect(status().isTooManyRequests());
        login(email, Api.PASSWORD, "2001:db8:1:3::1").andExpect(status().isOk());
    }

    @Test
    void simultaneousGuessesFromOneAddressCannotSlipPastTheLimit() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        List<Integer> statuses = Concurrently.run(12, () -> login(email, "Wrong-Password-x", "10.0.4.1")
                .andReturn().getResponse().getStatus());
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(7);
    }

    @Test
    void aSuccessfulLoginResetsTheFailuresOfItsAddress() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        for (int i = 0; i < 4; i++) {
            login(email, "Wrong-Password-" + i, "10.0.1.1").andExpect(status().isUnauthorized());
        }
        login(email, Api.PASSWORD, "10.0.1.1").andExpect(status().isOk());
        for (int i = 0; i < 4; i++) {
            login(email, "Wrong-Password-" + i, "10.0.1.1").andExpect(status().isUnauthorized());
        }
        login(email, Api.PASSWORD, "10.0.1.1").andExpect(status().isOk());
    }

    @Test
    void moreThanTwentyAttemptsPerMinuteFromOneAddressAreRefused() throws Exception {
        for (int i = 0; i < 20; i++) {
            login("someone" + i + "@example.com", "Whatever-Password-1", "10.0.2.1").andExpect(status().isUnauthorized());
        }
        ResultActions refused = login("someone-else@example.com", "Whatever-Password-1", "10.0.2.1")
                .andExpect(status().isTooManyRequests());
        assertThat(Long.parseLong(refused.andReturn().getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);
        login("someone-else@example.com", "Whatever-Password-1", "10.0.2.2").andExpect(status().isUnauthorized());
    }

    @Test
    void stoppingOneAccountAtAnAddressLeavesOtherAccountsThereAlone() throws Exception {
        String stopped = Api.newEmail();
        String other = Api.newEmail();
        api.register(stopped);
        api.register(other);
        for (int i = 0; i < 5; i++) {
            login(stopped, "Wrong-Password-" + i, "10.0.3.1").andExpect(status().isUnauthorized());
        }
        login(stopped, Api.PASSWORD, "10.0.3.1").andExpect(status().isTooManyRequests());
        login(other, Api.PASSWORD, "10.0.3.1").andExpect(status().isOk());
    }

    static ResultActions login(MockMvc mvc, String email, String password, String address) throws Exception {
        return mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password))
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }

    private ResultActions login(String email, String password, String address) throws Exception {
        return login(mvc, email, password, address);
    }
}
