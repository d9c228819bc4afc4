package dev.flotilla.order;

import dev.flotilla.web.security.ApiAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call what. Carts and orders belong to a signed-in user (any valid access token; a
 * controller only ever shows the caller's own); the admin listing needs the ADMIN role. Tokens are
 * verified by the web starter against user-service's JWKS document.
 */
@Configuration(proxyBeanMethods = false)
class OrderServiceSecurity {

    @Bean
    ApiAuthorization orderServiceAccess() {
        return requests -> requests
                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                .requestMatchers("/api/cart", "/api/cart/**", "/api/orders", "/api/orders/**")
                .hasAnyRole("CUSTOMER", "ADMIN");
    }
}
