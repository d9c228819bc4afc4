package dev.flotilla.web.security;

import java.io.IOException;

import dev.flotilla.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Problem+json for what the security filters refuse before a controller runs: 401 with the standard
 * {@code WWW-Authenticate: Bearer} header, 403, and 400 for a request the firewall rejects (an encoded
 * slash, a path traversal, a non-printable header).
 */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final ProblemWriter problems;

    public ProblemSecurityHandlers(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearer.commence(request, response, failure);
        String detail = request.getHeader("Authorization") == null ? "this endpoint needs a bearer access token"
                : "the access token is invalid or expired";
        problems.write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, "this endpoint needs a role the access token does not have");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        problems.write(request, response, HttpStatus.BAD_REQUEST,
                "the request was rejected: its path or headers contain characters or sequences that are not allowed");
    }
}
