package dev.flotilla.order;

import java.util.Collection;
import java.util.UUID;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the user id from the access token's subject, and whether the token carries the
 * ADMIN role. A token whose subject is not a user id (a service's own token) is refused with 403.
 */
public record Caller(UUID userId, boolean admin) {

    public static Caller of(Jwt token) {
        try {
            return new Caller(UUID.fromString(token.getSubject()), hasRole(token, "ADMIN"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "this token does not belong to a user");
        }
    }

    private static boolean hasRole(Jwt token, String role) {
        Collection<String> roles = token.getClaimAsStringList("roles");
        return roles != null && roles.contains(role);
    }
}
