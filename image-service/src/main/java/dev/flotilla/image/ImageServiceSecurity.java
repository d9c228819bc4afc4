package dev.flotilla.image;

import dev.flotilla.web.security.ApiAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what. Uploading, reading an image's record and deleting it need a signed-in account
 * (the controller shows only the caller's own, or any to an admin). Variant bytes are public once the
 * image is READY, so that pages can embed them; the untouched original, which may carry the camera's
 * metadata (GPS position included), is the owner's and the admins' only, checked by the controller.
 */
@Configuration(proxyBeanMethods = false)
class ImageServiceSecurity {

    @Bean
    ApiAuthorization imageServiceAccess() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/images/*/variants/*").permitAll()
                .requestMatchers(HttpMethod.HEAD, "/api/images/*/variants/*").permitAll()
                .requestMatchers("/api/images", "/api/images/**").hasAnyRole("CUSTOMER", "ADMIN");
    }
}
