package dev.flotilla.analytics.dashboard;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.flotilla.testing.TestJwtIssuer;
import dev.flotilla.web.problem.ProblemException;
import dev.flotilla.web.security.ApiAuthorization;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stands in for what the gateway routes to user-service: {@code POST /api/auth/login} on the
 * dashboard's own origin, answering like user-service (the token response, or 401 problem+json) for
 * one admin and one customer, with tokens from {@link TestJwtIssuer}.
 */
@TestConfiguration(proxyBeanMethods = false)
class StandInLogin {

    static final String ADMIN_EMAIL = "admin@flotilla.test";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final String CUSTOMER_EMAIL = "customer@flotilla.test";
    static final String CUSTOMER_PASSWORD = "customer-password-for-tests";
    private static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(15);
    private static final Duration REFRESH_TOKEN_TTL = Duration.ofDays(14);
    private static final Map<String, Account> ACCOUNTS = Map.of(
            ADMIN_EMAIL, new Account(ADMIN_PASSWORD, UUID.randomUUID(), "ADMIN"),
            CUSTOMER_EMAIL, new Account(CUSTOMER_PASSWORD, UUID.randomUUID(), "CUSTOMER"));

    @Bean
    ApiAuthorization standInLoginAccess() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/api/auth/login").permitAll();
    }

    private record Account(String password, UUID id, String role) {
    }

    record LoginRequest(String email, String password) {
    }

    /** user-service's answer to a login. */
    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn,
            String sessionId) {
    }

    /** Registered with this configuration, as its member class; no component scan finds it. */
    @RestController
    static class LoginController {

        @PostMapping("/api/auth/login")
        TokenResponse login(@RequestBody LoginRequest request) {
            Account account = ACCOUNTS.get(request.email());
            if (account == null || !account.password().equals(request.password())) {
                throw new ProblemException(HttpStatus.UNAUTHORIZED, "email or password is wrong");
            }
            return new TokenResponse(TestJwtIssuer.shared().token(account.id().toString(), account.role()), "Bearer",
                    ACCESS_TOKEN_TTL.toSeconds(), UUID.randomUUID().toString(), REFRESH_TOKEN_TTL.toSeconds(),
                    UUID.randomUUID().toString());
        }
    }
}
