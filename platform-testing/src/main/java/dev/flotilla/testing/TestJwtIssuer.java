package dev.flotilla.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for user-service in the tests of other services: signs access tokens like it does (RS256,
 * {@code kid}, issuer {@value #ISSUER}, claims {@code sub}, {@code email}, {@code roles}) and serves
 * the public key as a JWKS document over HTTP, so services verify tokens exactly as in production.
 * One issuer per test JVM, started on first use; wired into Spring tests by {@link TestJwks}.
 */
public final class TestJwtIssuer {

    public static final String ISSUER = "flotilla-user-service";
    private static final String KEY_ID = "test-issuer";
    private static final String PATH = "/.well-known/jwks.json";

    private final RSAKey key;
    private final HttpServer server;

    private TestJwtIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(PATH, exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-jwks-stop"));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the test signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the test JWKS document", e);
        }
    }

    /** The issuer of this test JVM. */
    public static TestJwtIssuer shared() {
        return Holder.INSTANCE;
    }

    /** Where the public key is served, for {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}. */
    public String jwkSetUri() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + PATH;
    }

    /** A valid access token for 15 minutes with the given roles ({@code "ADMIN"}, {@code "SERVICE"}, ...). */
    public String token(String subject, String... roles) {
        return sign(claims(subject, Duration.ofMinutes(15), roles).build());
    }

    /** Claims like user-service's, for tokens a test wants to bend (expired, another issuer...). */
    public JWTClaimsSet.Builder claims(String subject, Duration validFor, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(validFor)))
                .claim("email", subject + "@example.com").claim("roles", List.of(roles));
    }

    /** Signs any claims with the published key. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static final class Holder {
        static final TestJwtIssuer INSTANCE = new TestJwtIssuer();
    }
}
