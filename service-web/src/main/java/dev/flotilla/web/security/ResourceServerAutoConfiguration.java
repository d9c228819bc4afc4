package dev.flotilla.web.security;

import java.util.ArrayList;
import java.util.List;

import dev.flotilla.web.ServiceWebAutoConfiguration;
import dev.flotilla.web.ServiceWebProperties;
import dev.flotilla.web.problem.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A stateless OAuth 2.0 resource server: every request needs a valid RS256 access token except the
 * public paths of {@code flotilla.web.security.public-paths} and what the service's {@link ApiAuthorization}
 * opens; roles come from the {@code roles} claim; failures are problem+json. Tokens are verified against
 * the JWKS document at {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} (cached, refreshed
 * when an unknown {@code kid} shows up), with the issuer and, when configured, the audience checked.
 */
@AutoConfiguration(after = ServiceWebAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class})
public class ResourceServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemSecurityHandlers problemSecurityHandlers(ProblemWriter problems) {
        return new ProblemSecurityHandlers(problems);
    }

    /** The {@code roles} claim ({@code ["ADMIN", "CUSTOMER"]}) becomes {@code ROLE_ADMIN}, {@code ROLE_CUSTOMER}. */
    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter jwtAuthenticationConverter(ServiceWebProperties properties) {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(properties.security().rolesClaim());
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, ServiceWebProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(resourceServer.getJwt().getJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validator(properties.security()));
        return decoder;
    }

    /** Expiry and not-before, the issuer, and the audience when one is configured. */
    public static OAuth2TokenValidator<Jwt> validator(ServiceWebProperties.Security security) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(security.tokenIssuer()));
        if (security.audience() != null) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audience -> audience != null && audience.contains(security.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurity(HttpSecurity http, ServiceWebProperties properties,
            ObjectProvider<ApiAuthorization> rules, ProblemSecurityHandlers problems,
            JwtAuthenticationConverter roles, ObjectProvider<JwtDecoder> decoder) throws Exception {
        if (decoder.getIfAvailable() == null) {
            throw new IllegalStateException("No way to verify access tokens: set "
                    + "spring.security.oauth2.resourceserver.jwt.jwk-set-uri (user-service's JWKS address) "
                    + "or declare a JwtDecoder bean");
        }
        // A stateless API: no CSRF tokens, sessions, saved requests, logout page or servlet API wrapping.
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(properties.security().publicPaths().toArray(String[]::new)).permitAll();
                    rules.orderedStream().forEach(rule -> rule.configure(requests));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * No Micrometer observation around each security filter: on a cached product read they cost more
     * CPU than the read (measured with product-service's read benchmark); requests are still observed whole.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
