package dev.flotilla.user;

import dev.flotilla.web.security.ApiAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Who may call what. Registration, login, refresh, the client-credentials token endpoint (the client
 * authenticates there itself), the JWKS document and reference data are public (as are health, info,
 * metrics and the API documentation, by the web starter's defaults); administration needs the ADMIN
 * role; one's own account and sessions need CUSTOMER, which every account has and no service client
 * token does (its {@code sub} is a client id, not an account); everything else a valid access token.
 * Tokens are verified locally against the service's own keys ({@code jwt.JwtConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class UserServiceSecurity {

    @Bean
    ApiAuthorization userServiceAccess() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/users", "/api/auth/login", "/api/auth/refresh", "/oauth2/token")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/api/reference/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/users").hasRole("ADMIN")
                .requestMatchers("/api/users/{id}/roles", "/api/users/{id}/disable", "/api/users/{id}/enable")
                .hasRole("ADMIN")
                .requestMatchers("/api/users/me", "/api/users/me/**", "/api/auth/logout", "/api/auth/sessions",
                        "/api/auth/sessions/**")
                .hasRole("CUSTOMER");
    }

    @Bean
    PasswordEncoder passwordEncoder(UserServiceProperties properties) {
        return new BCryptPasswordEncoder(properties.passwords().bcryptStrength());
    }
}
