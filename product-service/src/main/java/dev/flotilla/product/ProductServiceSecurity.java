package dev.flotilla.product;

import dev.flotilla.web.security.ApiAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what. Reading the catalogue is public; changing it needs the ADMIN role; stock
 * reservations need SERVICE (order-service) or ADMIN. Tokens are verified by the web starter against
 * user-service's JWKS document.
 */
@Configuration(proxyBeanMethods = false)
class ProductServiceSecurity {

    @Bean
    ApiAuthorization productServiceAccess() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/products", "/api/products/**", "/api/categories").permitAll()
                .requestMatchers("/api/stock/**").hasAnyRole("SERVICE", "ADMIN")
                .requestMatchers("/api/products", "/api/products/**").hasRole("ADMIN");
    }
}
