package dev.flotilla.product;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Grants a request only to a service client's token meant for this service: role SERVICE and an
 * {@code aud} that contains this service's audience. An account's token (a customer, an administrator)
 * has no audience and is refused, as is a service token issued for another service: a token leaked
 * from one service cannot be replayed at another.
 */
final class ServiceAudience implements AuthorizationManager<RequestAuthorizationContext> {

    private static final String SERVICE = "ROLE_SERVICE";

    private final String audience;

    ServiceAudience(String audience) {
        this.audience = audience;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext request) {
        return new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
                && token.isAuthenticated()
                && token.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(SERVICE::equals)
                && audiences(token).contains(audience));
    }

    private static List<String> audiences(JwtAuthenticationToken token) {
        List<String> audiences = token.getToken().getAudience();
        return audiences == null ? List.of() : audiences;
    }
}
