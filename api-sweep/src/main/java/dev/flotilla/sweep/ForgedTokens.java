package dev.flotilla.sweep;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tokens a service must refuse, made from a real one: garbage, the same claims unsigned
 * ({@code alg: none}), and the same claims and key id signed by a key nobody published.
 */
final class ForgedTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private ForgedTokens() {
    }

    /** Name to forged token; only garbage when {@code real} is not a JWT. */
    static Map<String, String> from(@Nullable String real, JsonMapper json) {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("garbage", "garbage");
        forged.put("three garbage parts", "eyJhbGciOi.garbage.garbage");
        String[] parts = real == null ? new String[0] : real.split("\\.");
        if (parts.length != 3) {
            return forged;
        }
        try {
            ObjectNode header = json.readTree(URL_DECODER.decode(parts[0])).asObject();
            ObjectNode none = header.deepCopy().put("alg", "none");
            forged.put("alg none", encode(json, none) + "." + parts[1] + ".");
            forged.put("signed by another key", foreignSigned(json, header.put("alg", "RS256"), parts[1]));
        } catch (RuntimeException | GeneralSecurityException e) {
            // Not a JWT after all: garbage is all there is to send.
        }
        return forged;
    }

    private static String foreignSigned(JsonMapper json, ObjectNode header, String payload) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String signingInput = encode(json, header) + "." + payload;
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + URL.encodeToString(signature.sign());
    }

    private static String encode(JsonMapper json, ObjectNode node) {
        return URL.encodeToString(json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
    }
}
