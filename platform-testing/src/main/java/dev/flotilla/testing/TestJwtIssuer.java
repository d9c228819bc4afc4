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
import java.util.concurrent.atomic.AtomicInteger;

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
 * It also serves user-service's client-credentials token endpoint at {@link #tokenUri()} for one
 * client, {@value #CLIENT_ID} with secret {@value #CLIENT_SECRET}, which gets SERVICE tokens for
 * {@value #AUDIENCE}. One issuer per test JVM, started on first use; wired into Spring tests by
 * {@link TestJwks}.
 */
public final class TestJwtIssuer {

    public static final String ISSUER = "flotilla-user-service";
    /** The client id the token endpoint knows. */
    public static final String CLIENT_ID = "order-service";
    /** The secret of {@link #CLIENT_ID}. */
    public static final String CLIENT_SECRET = "test-order-service-secret";
    /** The {@code aud} of the tokens the endpoint issues. */
    public static final String AUDIENCE = "product-service";
    /** user-service's default lifetime of a client token. */
    public static final Duration DEFAULT_CLIENT_TOKEN_TTL = Duration.ofMinutes(5);
    private static final String KEY_ID = "test-issuer";
    private static final String PATH = "/.well-known/jwks.json";

    private final RSAKey key;
    private final HttpServer server;
    private final AtomicInteger clientTokensIssued = new AtomicInteger();
    private volatile Duration clientTokenTtl = DEFAULT_CLIENT_TOKEN_TTL;

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
            server.createContext(TestTokenEndpoint.PATH, new TestTokenEndpoint(this));
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
        return baseUri() + PATH;
    }

    /**
     * The client-credentials token endpoint, for
     * {@code spring.security.oauth2.client.provider.<name>.token-uri}.
     */
    public String tokenUri() {
        return baseUri() + TestTokenEndpoint.PATH;
    }

    /**
     * A token like user-service issues to a service client: {@code sub} and {@code client_id} the client,
     * {@code roles: ["SERVICE"]}, these audiences; valid for 15 minutes, like {@link #token}, so that a
     * test class can keep one (the endpoint's tokens live {@link #clientTokenTtl()}).
     */
    public String serviceToken(String clientId, List<String> audiences) {
        return sign(serviceClaims(clientId, audiences, Duration.ofMinutes(15)).build());
    }

    /** A service token for {@link #CLIENT_ID} and {@link #AUDIENCE}. */
    public String serviceToken() {
        return serviceToken(CLIENT_ID, List.of(AUDIENCE));
    }

    /** Claims like a service client's token, for tokens a test wants to bend. */
    public JWTClaimsSet.Builder serviceClaims(String clientId, List<String> audiences, Duration validFor) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(clientId).audience(List.copyOf(audiences))
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(validFor)))
                .claim("client_id", clientId).claim("roles", List.of("SERVICE"));
    }

    /**
     * The lifetime of the tokens the endpoint issues from now on (and {@code expires_in}); shared by the
     * whole test JVM: set it back to {@link #DEFAULT_CLIENT_TOKEN_TTL} when done.
     */
    public TestJwtIssuer clientTokenTtl(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a client token lifetime must be positive");
        }
        this.clientTokenTtl = ttl;
        return this;
    }

    public Duration clientTokenTtl() {
        return clientTokenTtl;
    }

    /** How many tokens the endpoint has issued in this JVM; compare before and after. */
    public int clientTokensIssued() {
        return clientTokensIssued.get();
    }

    String issueClientToken() {
        String token = sign(serviceClaims(CLIENT_ID, List.of(AUDIENCE), clientTokenTtl).build());
        clientTokensIssued.incrementAndGet();
        return token;
    }

    private String baseUri() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
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
