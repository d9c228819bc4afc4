package dev.flotilla.user.auth;

import java.util.List;
import java.util.UUID;

import dev.flotilla.user.auth.AuthExceptions.SessionNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
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

    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        String userAgent = String.valueOf(http.getHeader(HttpHeaders.USER_AGENT));
        return login.login(request, new Login.Client(http.getRemoteAddr(),
                userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT))));
    }

    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return login.refresh(request.refreshToken());
    }

    /** Ends the session of the presented access token; the access token itself lives until it expires. */
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt token) {
        String sessionId = token.getClaimAsString("sid");
        if (sessionId != null) {
            sessions.revoke(accountId(token), sessionId);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sessions")
    List<SessionView> sessions(@AuthenticationPrincipal Jwt token) {
        return sessions.list(accountId(token), token.getClaimAsString("sid"));
    }

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
