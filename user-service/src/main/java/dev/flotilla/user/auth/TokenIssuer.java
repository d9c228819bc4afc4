package dev.flotilla.user.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.flotilla.user.UserServiceProperties;
import dev.flotilla.user.account.Account;
import dev.flotilla.user.jwt.SigningKeys;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues access tokens: RS256 JWTs signed with the active key ({@code kid} in the header) carrying
 * {@code sub} (account id), {@code email}, {@code roles} and {@code sid} (the session, when there is one).
 */
@Component
class TokenIssuer {

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, SigningKeys keys, UserServiceProperties properties, Clock clock) {
        this.encoder = encoder;
        this.keys = keys;
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
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.active().getKeyID()).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new AccessToken(token, now, now.plus(lifetime));
    }
}
