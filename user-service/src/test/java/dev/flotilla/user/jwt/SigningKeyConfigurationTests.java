package dev.flotilla.user.jwt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.RSAKey;
import dev.flotilla.user.UserServiceProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the signing keys come from when the service starts, and what the JWKS document publishes. */
class SigningKeyConfigurationTests {

    @TempDir
    Path keyDirectory;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, JwtConfiguration.class, JwksController.class);

    @Test
    void withoutAConfiguredKeyAndWithoutTheFlagStartupFailsNamingTheSettings() {
        runner.withPropertyValues("flotilla.user.jwt.key-directory=" + keyDirectory).run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure()).getMessage())
                    .contains("flotilla.user.jwt.keys[0].private-key", "flotilla.user.jwt.generate-missing-key=true");
            assertThat(keyDirectory).isEmptyDirectory();
        });
    }

    @Test
    void withTheFlagADevelopmentKeyIsGeneratedOnce() {
        runner.withPropertyValues("flotilla.user.jwt.key-directory=" + keyDirectory,
                "flotilla.user.jwt.generate-missing-key=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(keyDirectory.resolve(SigningKeys.GENERATED_KEY_FILE)).exists();
        });
    }

    @Test
    void theJwksDocumentServesTheCurrentAndEveryPreviousKeySoTokensOfBothVerify() throws Exception {
        KeyPair current = newKeyPair();
        String previousPrivate = new ClassPathResource("jwt/retired-private.pem").getContentAsString(StandardCharsets.UTF_8);
        String previousPublic = publicPem(PemKeys.publicKeyOf(PemKeys.privateKey(previousPrivate)).getEncoded());
        runner.withPropertyValues(
                "flotilla.user.jwt.keys[0].id=previous", "flotilla.user.jwt.keys[0].public-key=" + previousPublic,
                "flotilla.user.jwt.keys[1].id=current",
                "flotilla.user.jwt.keys[1].private-key=" + PemKeys.toPem((RSAPrivateKey) current.getPrivate()),
                "flotilla.user.jwt.signing-key-id=current").run(context -> {
            assertThat(context).hasNotFailed();
            Map<String, Object> document = context.getBean(JwksController.class).jwks().getBody();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> published = (List<Map<String, Object>>) document.get("keys");
            assertThat(published).extracting(key -> key.get("kid")).containsExactly("previous", "current");
            assertThat(published).noneMatch(key -> key.containsKey("d"));
            assertThat(context.getBean(SigningKeys.class).active().getKeyID()).isEqualTo("current");

            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            var claims = TestTokens.claims("someone", List.of("CUSTOMER"), 60).build();
            assertThat(decoder.decode(TestTokens.sign(rsaKey(PemKeys.privateKey(previousPrivate)), "previous", claims))
                    .getSubject()).isEqualTo("someone");
            assertThat(decoder.decode(TestTokens.sign(rsaKey((RSAPrivateKey) current.getPrivate()), "current", claims))
                    .getSubject()).isEqualTo("someone");
        });
    }

    private static KeyPair newKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static RSAKey rsaKey(RSAPrivateKey privateKey) {
        return new RSAKey.Builder(PemKeys.publicKeyOf(privateKey)).privateKey(privateKey).build();
    }

    private static String publicPem(byte[] encoded) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(encoded) + "\n-----END PUBLIC KEY-----\n";
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(UserServiceProperties.class)
    static class Properties {
    }
}
