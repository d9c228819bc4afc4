package dev.flotilla.user.jwt;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signs tokens with the active key: RS256, the key's id as {@code kid} in the header, so that every
 * verifier picks the right key from the JWKS document. Every token the service issues goes through it:
 * access tokens of accounts and tokens of service clients.
 */
@Component
public final class TokenSigner {

    private final JwtEncoder encoder;
    private final SigningKeys keys;

    TokenSigner(JwtEncoder encoder, SigningKeys keys) {
        this.encoder = encoder;
        this.keys = keys;
    }

    /** The signed, compact form of these claims. */
    public String sign(JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.active().getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
