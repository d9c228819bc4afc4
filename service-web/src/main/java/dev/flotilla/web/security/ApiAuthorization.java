package dev.flotilla.web.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own access rules, applied after the public paths of {@code flotilla.web.security} and
 * before the closing rule that every other request needs a valid access token. A service declares one
 * bean, e.g. {@code requests -> requests.requestMatchers(GET, "/api/products/**").permitAll()}.
 */
@FunctionalInterface
public interface ApiAuthorization {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
