package dev.flotilla.user.jwt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import dev.flotilla.user.UserServiceProperties.Jwt;
import dev.flotilla.user.UserServiceProperties.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeysTests {

    @TempDir
    Path directory;

    @Test
    void generatesAKeyOnceKeepsItPrivateOnDiskAndReusesItAfterARestart() throws Exception {
        SigningKeys first = SigningKeys.from(jwt(List.of(), true, directory));
        Path file = directory.resolve(SigningKeys.GENERATED_KEY_FILE);

        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        SigningKeys second = SigningKeys.from(jwt(List.of(), true, directory));
        assertThat(second.active().getKeyID()).isEqualTo(first.active().getKeyID());
        assertThat(second.active().toRSAPublicKey()).isEqualTo(first.active().toRSAPublicKey());
    }

    @Test
    void refusesToStartWithoutKeysWhenGenerationIsNotAllowed() {
        assertThatIllegalStateException().isThrownBy(() -> SigningKeys.from(jwt(List.of(), false, directory)))
                .withMessageContaining("No JWT signing key is configured");
    }

    @Test
    void configuredKeysArePublishedAndTheNamedOneSigns() throws Exception {
        RSAKey active = SigningKeys.from(jwt(List.of(), true, directory)).active();
        String activePem = Files.readString(directory.resolve(SigningKeys.GENERATED_KEY_FILE));
        String retiredPublicPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(active.toRSAPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";

        SigningKeys keys = SigningKeys.from(jwt(List.of(new SigningKey("old", null, retiredPublicPem),
                new SigningKey("new", activePem, null)), false, null));

        assertThat(keys.active().getKeyID()).isEqualTo("new");
        assertThat(keys.publicKeys().getKeys()).extracting(key -> key.getKeyID()).containsExactly("old", "new");
        assertThat(keys.publicKeys().getKeys()).noneMatch(key -> key.isPrivate());
    }

    @Test
    void malformedKeysAreRejectedWithAMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> SigningKeys.from(jwt(
                List.of(new SigningKey("broken", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", null)), false, null)))
                .withMessageContaining("PKCS#8");
        assertThatIllegalArgumentException().isThrownBy(() -> SigningKeys.from(jwt(
                List.of(new SigningKey("not-pem", "hello", null)), false, null)))
                .withMessageContaining("PEM");
        assertThatIllegalStateException().isThrownBy(() -> SigningKeys.from(jwt(
                List.of(new SigningKey("empty", null, null)), false, null)));
    }

    private static Jwt jwt(List<SigningKey> keys, boolean generate, Path directory) {
        return new Jwt("issuer", Duration.ofMinutes(15), Duration.ofDays(30), null, keys, generate, directory);
    }
}
