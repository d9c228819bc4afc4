package dev.flotilla.user.jwt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Hand-made access tokens for attacks and edge cases: signed with the retired test key, with an
 * unknown key, with HMAC, unsigned, expired, of another issuer.
 */
public final class TestTokens {

    public static final String ISSUER = "flotilla-user-service";

    private TestTokens() {
    }

    /** Claims like the service's own, for the given subject and roles, valid for {@code seconds}. */
    public static JWTClaimsSet.Builder claims(String subject, List<String> roles, long seconds) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(seconds)))
                .claim("email", "someone@example.com").claim("roles", roles);
    }

    public static String signedWithRetiredKey(JWTClaimsSet claims) {
        return sign(retiredKey(), "test-retired", claims);
    }

    /** Signed by a key nobody published, claiming the id of a published one. */
    public static String signedWithUnknownKey(String kid, JWTClaimsSet claims) {
        try {
            return sign(new RSAKeyGenerator(2048).generate(), kid, claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 with the public key's bytes as the secret: the classic algorithm-confusion attack. */
    public static String hmacWithPublicKeyAsSecret(JWTClaimsSet claims) {
        try {
            byte[] secret = retiredKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("test-active").build(), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    public static String sign(RSAKey key, String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey retiredKey() {
        try (InputStream pem = TestTokens.class.getResourceAsStream("/jwt/retired-private.pem")) {
            var privateKey = PemKeys.privateKey(new String(pem.readAllBytes(), StandardCharsets.UTF_8));
            return new RSAKey.Builder(PemKeys.publicKeyOf(privateKey)).privateKey(privateKey).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
