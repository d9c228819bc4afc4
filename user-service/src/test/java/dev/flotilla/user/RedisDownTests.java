package dev.flotilla.user;

import java.util.Map;

import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * PostgreSQL is up, Redis is not (nothing listens on the configured port): logins and tokens keep
 * working, rate limits fail open, profiles come from PostgreSQL, and only what needs sessions answers
 * 503. Readiness follows PostgreSQL alone.
 */
@SpringBootTest(properties = {"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=1"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RealEngines(Engine.POSTGRESQL)
class RedisDownTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void loginStillIssuesAnAccessTokenThatWorksButNoRefreshToken() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        JsonNode tokens = api.login(email, Api.PASSWORD);

        assertThat(tokens.has("refreshToken")).isFalse();
        assertThat(tokens.has("sessionId")).isFalse();
        assertThat(api.me(Api.accessToken(tokens)).get("email").asString()).isEqualTo(email);
        assertThat(api.me(Api.accessToken(tokens)).get("email").asString()).isEqualTo(email);
        assertThat(meters.counter("flotilla.user.cache.errors").count()).isPositive();
    }

    @Test
    void rateLimitsFailOpenAndCountWhatTheySkip() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        double skippedBefore = meters.counter("flotilla.user.login.rate_limit.skipped").count();
        for (int i = 0; i < 8; i++) {
            api.perform(post("/api/auth/login"), Map.of("email", email, "password", "Wrong-Password-" + i))
                    .andExpect(status().isUnauthorized());
        }
        api.login(email, Api.PASSWORD);
        assertThat(meters.counter("flotilla.user.login.rate_limit.skipped").count()).isGreaterThan(skippedBefore + 8);
    }

    @Test
    void whatNeedsSessionsAnswers503AndChangesNothing() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        String access = Api.accessToken(api.login(email, Api.PASSWORD));

        api.perform(post("/api/auth/refresh"), Map.of("refreshToken", "AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        api.authorized(put("/api/users/me/password"), access,
                Map.of("currentPassword", Api.PASSWORD, "newPassword", "Another-Fine-Phrase-31"))
                .andExpect(status().isServiceUnavailable());
        api.login(email, Api.PASSWORD);
    }

    @Test
    void readinessFollowsPostgreSqlOnly() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }
}
