package dev.flotilla.product;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/** Which tokens may reserve stock, without Spring. */
class ServiceAudienceTests {

    final ServiceAudience stock = new ServiceAudience("catalogue");

    static Authentication jwt(List<String> audiences, String... roles) {
        Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256").subject("order-service")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (!audiences.isEmpty()) {
            token.audience(audiences);
        }
        return new JwtAuthenticationToken(token.build(), AuthorityUtils.createAuthorityList(
                java.util.Arrays.stream(roles).map(role -> "ROLE_" + role).toArray(String[]::new)));
    }

    boolean granted(Authentication authentication) {
        return stock.authorize(() -> authentication, null).isGranted();
    }

    @Test
    void grantsAServiceTokenWhoseAudienceNamesTheConfiguredOne() {
        assertThat(granted(jwt(List.of("analytics-service", "catalogue"), "SERVICE"))).isTrue();
    }

    @Test
    void refusesOtherAudiencesNoAudienceOtherRolesAndWhatIsNotAJwt() {
        assertThat(granted(jwt(List.of("product-service"), "SERVICE"))).isFalse();
        assertThat(granted(jwt(List.of(), "SERVICE"))).isFalse();
        assertThat(granted(jwt(List.of("catalogue"), "ADMIN", "CUSTOMER"))).isFalse();
        TestingAuthenticationToken notAJwt = new TestingAuthenticationToken("order-service", "n/a", "ROLE_SERVICE");
        notAJwt.setAuthenticated(true);
        assertThat(granted(notAJwt)).isFalse();
    }
}
