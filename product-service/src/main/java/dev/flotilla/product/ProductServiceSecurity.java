package dev.flotilla.product;

import dev.flotilla.web.security.ApiAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what. Reading the catalogue is public; changing it needs the ADMIN role; stock
 * reservations need a service client's token for this service (role SERVICE and {@code aud} containing
 * {@code flotilla.product.audience}: order-service's client-credentials token), checked per request
 * by {@link ServiceAudience} rather than for every token, since the catalogue takes account tokens,
 * which carry no audience. Tokens are verified by the web starter against user-service's JWKS document.
 */
@Configuration(proxyBeanMethods = false)
class ProductServiceSecurity {

    @Bean
    ApiAuthorization productServiceAccess(ProductServiceProperties properties) {
        ServiceAudience stockClients = new ServiceAudience(properties.audience());
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/products", "/api/products/**", "/api/categories").permitAll()
                .requestMatchers("/api/stock/**").access(stockClients)
                .requestMatchers("/api/products", "/api/products/**").hasRole("ADMIN");
    }
}
