package dev.flotilla.user.client;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.flotilla.user.client.OAuthErrors.InvalidRequestException;
import dev.flotilla.user.client.OAuthErrors.InvalidScopeException;
import dev.flotilla.user.client.OAuthErrors.UnsupportedGrantTypeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth 2.0 token endpoint for service clients: the client-credentials grant (RFC 6749 section
 * 4.4) only. Cheap checks of the request come first; only a well-formed request costs a BCrypt
 * verification, limited per client address ({@link ClientAuthRateLimiter}).
 */
@RestController
class TokenEndpoint {

    private static final Set<String> SINGLE = Set.of("grant_type", "client_id", "client_secret", "scope");

    private final ServiceClients clients;
    private final ClientAuthRateLimiter limiter;
    private final ClientTokenIssuer issuer;

    TokenEndpoint(ServiceClients clients, ClientAuthRateLimiter limiter, ClientTokenIssuer issuer) {
        this.clients = clients;
        this.limiter = limiter;
        this.issuer = issuer;
    }

    /** What the form carries, for the API documentation only; the endpoint reads the form itself. */
    record TokenRequestForm(
            @Schema(name = "grant_type", requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "client_credentials")
            String grantType,
            @Schema(name = "client_id", description = "with client_secret_post; leave out with HTTP Basic") String clientId,
            @Schema(name = "client_secret", description = "with client_secret_post; leave out with HTTP Basic")
            String clientSecret) {
    }

    @Operation(summary = "Get a token for a service client (OAuth 2.0 client credentials)", description = """
            `grant_type=client_credentials`, form-encoded. The client authenticates with HTTP Basic \
            (client_secret_basic: id and secret form-encoded, then Base64) or with the form fields \
            `client_id` and `client_secret` (client_secret_post), not both. The token (RS256, five minutes) \
            carries the client's roles and audiences. Errors carry the RFC 6749 `error` and \
            `error_description` members; failed authentications are limited per client address.""",
            requestBody = @RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                    schema = @Schema(implementation = TokenRequestForm.class))))
    @ApiResponse(responseCode = "200", description = "The token", useReturnTypeSchema = true,
            headers = @Header(name = "Cache-Control", description = "no-store", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "401", description = "invalid_client: no, two, or wrong client credentials; "
            + "an unknown client gets the same answer",
            headers = @Header(name = "WWW-Authenticate", description = "Basic", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "Too many failed client authentications from this address",
            headers = @Header(name = "Retry-After", description = "seconds until the limit lets the request through",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<ClientTokenResponse> token(HttpServletRequest request) {
        Map<String, List<String>> form = form(request);
        ClientCredentials credentials = ClientCredentials.from(request.getHeader(HttpHeaders.AUTHORIZATION), form);
        ClientTokenResponse token = limiter.limited(request.getRemoteAddr(),
                () -> issuer.issue(clients.authenticate(credentials)));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .contentType(MediaType.APPLICATION_JSON).body(token);
    }

    /** The form's parameters, once each, in the body only (RFC 6749 sections 2.3.1 and 3.2); a client credentials grant. */
    private static Map<String, List<String>> form(HttpServletRequest request) {
        if (request.getQueryString() != null) {
            throw new InvalidRequestException("parameters belong in the form-encoded body, not in the URL");
        }
        Map<String, List<String>> form = request.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue())));
        form.forEach((name, values) -> {
            if (SINGLE.contains(name) && values.size() > 1) {
                throw new InvalidRequestException(name + " is given more than once");
            }
        });
        List<String> grantType = form.get("grant_type");
        if (grantType == null || grantType.getFirst().isEmpty()) {
            throw new InvalidRequestException("grant_type is missing");
        }
        if (!grantType.getFirst().equals("client_credentials")) {
            throw new UnsupportedGrantTypeException();
        }
        if (form.containsKey("scope") && !form.get("scope").getFirst().isEmpty()) {
            throw new InvalidScopeException();
        }
        return form;
    }
}
