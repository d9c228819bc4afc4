package dev.flotilla.user.jwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.flotilla.user.UserServiceProperties;
import dev.flotilla.user.UserServiceProperties.Jwt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Access tokens per second on one thread: verification as every request does it (RS256 signature,
 * key lookup by kid, issuer and expiry checks) and signing as every login and refresh does it.
 * Run with {@code ./mvnw -pl user-service -am -Pbenchmark -DskipTests verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenBenchmarks {

    private Path keyDirectory;
    private JwtEncoder encoder;
    private JwtDecoder decoder;
    private JwsHeader header;
    private JwtClaimsSet claims;
    private String token;
    private RSAPublicKey publicKey;

    @Setup
    public void setUp() throws Exception {
        keyDirectory = Files.createTempDirectory("flotilla-benchmark-keys");
        Jwt jwt = new Jwt("flotilla-user-service", Duration.ofMinutes(15), Duration.ofDays(30), null, List.of(), true,
                keyDirectory);
        UserServiceProperties properties = new UserServiceProperties(jwt, null, null, null, null, null, null, List.of(), null, null);
        JwtConfiguration configuration = new JwtConfiguration();
        SigningKeys keys = configuration.signingKeys(properties);
        encoder = configuration.jwtEncoder(keys);
        decoder = configuration.jwtDecoder(keys, properties);
        header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.active().getKeyID()).build();
        Instant now = Instant.now();
        claims = JwtClaimsSet.builder().issuer("flotilla-user-service").subject("7b0c2a64-8f3e-4d59-9c55-2f0f3d1a9e11")
                .issuedAt(now).expiresAt(now.plus(Duration.ofHours(1))).claim("email", "someone@example.com")
                .claim("roles", List.of("CUSTOMER")).claim("sid", "AAAAAAAAAAAAAAAAAAAAAA").build();
        token = sign();
        publicKey = keys.active().toRSAPublicKey();
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(keyDirectory.resolve(SigningKeys.GENERATED_KEY_FILE));
        Files.deleteIfExists(keyDirectory);
    }

    @Benchmark
    public Object verify() {
        return decoder.decode(token);
    }

    /** The floor: parsing and the RS256 signature alone, without key selection or claim checks. */
    @Benchmark
    public boolean signatureOnly() throws Exception {
        return SignedJWT.parse(token).verify(new RSASSAVerifier(publicKey));
    }

    @Benchmark
    public String sign() {
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
