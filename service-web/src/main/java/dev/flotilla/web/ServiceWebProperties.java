package dev.flotilla.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The web edge every Flotilla service shares, under {@code flotilla.web}.
 *
 * @param maxRequestSize the largest request body accepted; larger ones get 413 before they are read whole
 * @param security how bearer tokens are checked and which paths are public
 */
@ConfigurationProperties("flotilla.web")
public record ServiceWebProperties(
        @DefaultValue("256KB") DataSize maxRequestSize,
        @DefaultValue Security security) {

    /**
     * Resource-server settings. The JWKS address is Spring Security's own
     * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}.
     *
     * @param tokenIssuer the {@code iss} every access token must carry
     * @param audience when set, the {@code aud} every access token must contain
     * @param rolesClaim the claim listing the roles ({@code ["ADMIN"]} becomes {@code ROLE_ADMIN})
     * @param publicPaths paths anyone may call with any method: probes, metrics and the API documentation;
     *     a service adds its own public operations with an {@code ApiAuthorization} bean
     */
    public record Security(
            @DefaultValue("flotilla-user-service") String tokenIssuer,
            @Nullable String audience,
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue({"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                    "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"})
            List<String> publicPaths) {
    }
}
