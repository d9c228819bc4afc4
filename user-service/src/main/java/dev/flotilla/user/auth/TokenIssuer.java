package dev.flotilla.user.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.flotilla.user.UserServiceProperties;
import dev.flotilla.user.account.Account;
import dev.flotilla.user.jwt.TokenSigner;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.stereotype.Component;

/**
 * Issues access tokens: RS256 JWTs signed with the active key ({@code kid} in the header) carrying
 * {@code sub} (account id), {@code email}, {@code roles} and {@code sid} (the session, when there is one).
 */
@Component
class TokenIssuer {

    private final TokenSigner signer;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    TokenIssuer(TokenSigner signer, UserServiceProperties properties, Clock clock) {
        this.signer = signer;
        this.issuer = properties.jwt().issuer();
        this.lifetime = properties.jwt().accessTokenTtl();
        this.clock = clock;
    }

    /** An encoded access token and when it was issued and expires. */
    record AccessToken(String value, Instant issuedAt, Instant expiresAt) {

        Duration lifetime() {
            return Duration.between(issuedAt, expiresAt);
        }
    }

    AccessToken issue(Account account, @Nullable String sessionId) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(account.id().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("email", account.email())
                .claim("roles", account.roles().stream().map(Enum::name).sorted().toList());
        if (sessionId != null) {
            claims.claim("sid", sessionId);
        }
        return new AccessToken(signer.sign(claims.build()), now, now.plus(lifetime));
    }
}
