package dev.flotilla.user.jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.flotilla.user.UserServiceProperties.Jwt;
import dev.flotilla.user.UserServiceProperties.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA keys that sign and verify access tokens. Production keys come from configuration (a
 * Secret shared by every replica): the active one signs, every configured key is published in the
 * JWKS and accepted, so keys rotate without downtime: add the new key, then make it the signing key,
 * and drop the old one once its tokens have expired. Without configured keys the service does not
 * start, unless {@code generate-missing-key} is on (the local platform and development only): then a
 * key is generated once and kept on disk. It is off by default because each replica would generate a
 * key of its own, and tokens signed by one would fail on the others.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final String GENERATED_KEY_FILE = "signing-key.pem";
    private static final int KEY_SIZE = 2048;

    private final List<RSAKey> keys;
    private final RSAKey active;

    SigningKeys(List<RSAKey> keys, String activeKeyId) {
        this.keys = List.copyOf(keys);
        this.active = keys.stream().filter(key -> key.getKeyID().equals(activeKeyId) && key.isPrivate()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no private signing key with id '" + activeKeyId + "'"));
    }

    public static SigningKeys from(Jwt properties) {
        if (!properties.keys().isEmpty()) {
            List<RSAKey> keys = properties.keys().stream().map(SigningKeys::configured).toList();
            String activeId = properties.signingKeyId() != null ? properties.signingKeyId()
                    : keys.stream().filter(RSAKey::isPrivate).findFirst().map(RSAKey::getKeyID)
                            .orElseThrow(() -> new IllegalStateException("no configured key has a private part"));
            return new SigningKeys(keys, activeId);
        }
        if (!properties.generateMissingKey()) {
            throw new IllegalStateException("No JWT signing key is configured. Set flotilla.user.jwt.keys[0].id and "
                    + "flotilla.user.jwt.keys[0].private-key (FLOTILLA_USER_JWT_KEYS_0_ID, FLOTILLA_USER_JWT_KEYS_0_PRIVATEKEY; "
                    + "the same key on every replica), or, for a single development instance only, "
                    + "flotilla.user.jwt.generate-missing-key=true (FLOTILLA_USER_JWT_GENERATEMISSINGKEY=true)");
        }
        if (properties.keyDirectory() == null) {
            throw new IllegalStateException("flotilla.user.jwt.generate-missing-key=true needs flotilla.user.jwt.key-directory, "
                    + "where the generated key is kept");
        }
        RSAKey generated = loadOrGenerate(properties.keyDirectory().resolve(GENERATED_KEY_FILE));
        return new SigningKeys(List.of(generated), generated.getKeyID());
    }

    /** The key that signs new tokens, with its private part. */
    public RSAKey active() {
        return active;
    }

    /** Every key's public part, for verification and for the JWKS document. */
    public JWKSet publicKeys() {
        return new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList());
    }

    private static RSAKey configured(SigningKey key) {
        if (key.id() == null || key.id().isBlank()) {
            throw new IllegalStateException("every configured signing key needs an id");
        }
        if (key.privateKey() != null) {
            RSAPrivateKey privateKey = PemKeys.privateKey(key.privateKey());
            RSAPublicKey publicKey = key.publicKey() != null ? PemKeys.publicKey(key.publicKey()) : PemKeys.publicKeyOf(privateKey);
            return rsaKey(new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(key.id()));
        }
        if (key.publicKey() == null) {
            throw new IllegalStateException("signing key '" + key.id() + "' has neither a private nor a public key");
        }
        return rsaKey(new RSAKey.Builder(PemKeys.publicKey(key.publicKey())).keyID(key.id()));
    }

    private static RSAKey loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                RSAPrivateKey privateKey = PemKeys.privateKey(Files.readString(file));
                return withThumbprintId(new RSAKey.Builder(PemKeys.publicKeyOf(privateKey)).privateKey(privateKey));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            var pair = generator.generateKeyPair();
            Files.createDirectories(file.getParent());
            writeOwnerOnly(file, PemKeys.toPem((RSAPrivateKey) pair.getPrivate()));
            log.warn("Generated a development JWT signing key at {}; configure flotilla.user.jwt.keys in production", file);
            return withThumbprintId(new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey(pair.getPrivate()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is required of every JDK", e);
        }
    }

    /** The key id of a generated key is its RFC 7638 thumbprint: stable across restarts. */
    private static RSAKey withThumbprintId(RSAKey.Builder builder) {
        try {
            return rsaKey(builder.keyIDFromThumbprint());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key thumbprint", e);
        }
    }

    private static RSAKey rsaKey(RSAKey.Builder builder) {
        return builder.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
    }

    /** Creates the file readable by its owner only from the first byte, where the file system allows. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content);
    }
}
