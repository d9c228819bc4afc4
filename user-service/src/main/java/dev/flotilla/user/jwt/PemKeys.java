package dev.flotilla.user.jwt;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads and writes RSA keys in PEM form: PKCS#8 private keys and X.509 public keys. */
final class PemKeys {

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private PemKeys() {
    }

    static RSAPrivateKey privateKey(String pem) {
        try {
            return (RSAPrivateKey) rsa().generatePrivate(new PKCS8EncodedKeySpec(decode(pem, PRIVATE)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8 PEM form (BEGIN PRIVATE KEY)", e);
        }
    }

    static RSAPublicKey publicKey(String pem) {
        try {
            return (RSAPublicKey) rsa().generatePublic(new X509EncodedKeySpec(decode(pem, PUBLIC)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA public key in X.509 PEM form (BEGIN PUBLIC KEY)", e);
        }
    }

    /** The public half of a private key that carries its CRT parameters (every PKCS#8 RSA key does). */
    static RSAPublicKey publicKeyOf(RSAPrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("the private key has no public exponent; configure the public key too");
        }
        try {
            return (RSAPublicKey) rsa().generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot derive the public key", e);
        }
    }

    static String toPem(RSAPrivateKey privateKey) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(privateKey.getEncoded());
        return "-----BEGIN " + PRIVATE + "-----\n" + body + "\n-----END " + PRIVATE + "-----\n";
    }

    private static byte[] decode(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int start = pem.indexOf(begin);
        int stop = pem.indexOf(end);
        if (start < 0 || stop < start) {
            throw new IllegalArgumentException("expected a PEM block '" + begin + "'");
        }
        return Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), stop));
    }

    private static KeyFactory rsa() throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA");
    }
}
