package dev.flotilla.user.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.flotilla.user.UserServiceProperties;
import dev.flotilla.user.client.ServiceClients.ServiceClient;
import dev.flotilla.user.jwt.TokenSigner;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.stereotype.Component;

/**
 * Issues the tokens of service clients: RS256 with the same key and issuer as account tokens, short-lived
 * ({@code client-token-ttl}, 5 minutes), with {@code sub} and {@code client_id} the client id, its
 * {@code roles} and its {@code aud}. No {@code email} and no {@code sid}: a client is not an account.
 */
@Component
class ClientTokenIssuer {

    private final TokenSigner signer;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    ClientTokenIssuer(TokenSigner signer, UserServiceProperties properties, Clock clock) {
        if (properties.clientTokenTtl().isNegative() || properties.clientTokenTtl().isZero()) {
            throw new IllegalStateException("flotilla.user.client-token-ttl must be positive");
        }
        this.signer = signer;
        this.issuer = properties.jwt().issuer();
        this.lifetime = properties.clientTokenTtl();
        this.clock = clock;
    }

    ClientTokenResponse issue(ServiceClient client) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(client.id())
                .audience(client.audiences())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("client_id", client.id())
                .claim("roles", client.roles())
                .build();
        return new ClientTokenResponse(signer.sign(claims), "Bearer", lifetime.toSeconds());
    }
}
