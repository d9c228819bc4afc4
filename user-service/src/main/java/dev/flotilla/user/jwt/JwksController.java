package dev.flotilla.user.jwt;

import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys, as a JWKS document, for every service that verifies access tokens. */
@RestController
class JwksController {

    /** Short enough that a newly added key is seen well before it signs anything. */
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final Map<String, Object> document;

    JwksController(SigningKeys keys) {
        this.document = keys.publicKeys().toJSONObject(true);
    }

    @Operation(summary = "Publish the token verification keys", description = """
            The public part of every configured key, the one that signs and those kept for tokens \
            signed before a rotation, as a JWKS document (RFC 7517); cacheable for five minutes.""")
    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic()).body(document);
    }
}
