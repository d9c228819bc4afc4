package dev.flotilla.testing;

import java.net.URI;
import java.time.Duration;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestJwtIssuerTests {

    @Test
    void servesItsPublicKeyOverHttpAndSignsTokensThatVerifyAgainstIt() throws Exception {
        TestJwtIssuer issuer = TestJwtIssuer.shared();
        JWKSet published = JWKSet.load(URI.create(issuer.jwkSetUri()).toURL());
        RSAKey key = (RSAKey) published.getKeys().getFirst();
        assertThat(key.isPrivate()).isFalse();

        SignedJWT token = SignedJWT.parse(issuer.token("alice", "ADMIN", "CUSTOMER"));
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(token.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(TestJwtIssuer.ISSUER);
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("ADMIN", "CUSTOMER");
    }

    @Test
    void canSignBentClaims() throws Exception {
        TestJwtIssuer issuer = TestJwtIssuer.shared();
        SignedJWT expired = SignedJWT.parse(issuer.sign(issuer.claims("bob", Duration.ofMinutes(-5)).build()));
        assertThat(expired.getJWTClaimsSet().getExpirationTime()).isInThePast();
        assertThat(issuer).isSameAs(TestJwtIssuer.shared());
    }
}
