package dev.flotilla.user.auth;

import java.util.List;
import java.util.UUID;

import dev.flotilla.user.auth.AuthExceptions.SessionNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login, token refresh, logout and the signed-in user's sessions. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private static final int MAX_USER_AGENT = 200;

    private final Login login;
    private final Sessions sessions;

    AuthController(Login login, Sessions sessions) {
        this.login = login;
        this.sessions = sessions;
    }

    @Operation(summary = "Log in with email and password", description = """
            Opens a session: an access token (RS256 JWT, 15 minutes) and a refresh token (30 days). Failed \
            logins are limited per account and client address, and per account from addresses it has not \
            signed in from before; attempts per client address are limited too.""")
    // Declaring any response makes springdoc leave out the one it derives from the return type: declare it too.
    @ApiResponse(responseCode = "200", description = "The tokens of the new session", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "The email or the password is wrong, or the account is disabled; "
            + "the answer does not say which",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "A login limit is reached",
            headers = @Header(name = "Retry-After", description = "seconds until the limit lets the request through",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        String userAgent = String.valueOf(http.getHeader(HttpHeaders.USER_AGENT));
        return login.login(request, new Login.Client(http.getRemoteAddr(),
                userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT))));
    }

    @Operation(summary = "Exchange a refresh token for new tokens", description = """
            The presented refresh token is spent. Presenting a spent one again ends the whole session, \
            since it means the token was copied.""")
    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return login.refresh(request.refreshToken());
    }

    /** Ends the session of the presented access token; the access token itself lives until it expires. */
    @Operation(summary = "End the session of the access token",
            description = "The access token itself stays valid until it expires.")
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt token) {
        String sessionId = token.getClaimAsString("sid");
        if (sessionId != null) {
            sessions.revoke(accountId(token), sessionId);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "List my sessions", description = "`current` marks the session of the presented access token.")
    @GetMapping("/sessions")
    List<SessionView> sessions(@AuthenticationPrincipal Jwt token) {
        return sessions.list(accountId(token), token.getClaimAsString("sid"));
    }

    @Operation(summary = "End one of my sessions", description = "Its refresh token stops working at once.")
    @DeleteMapping("/sessions/{id}")
    ResponseEntity<Void> endSession(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        if (!sessions.revoke(accountId(token), id)) {
            throw new SessionNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static UUID accountId(Jwt token) {
        return UUID.fromString(token.getSubject());
    }
}
