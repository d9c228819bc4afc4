package dev.flotilla.image;

import java.util.Collection;
import java.util.UUID;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the user id from the access token's subject, and whether the token carries the
 * ADMIN role. A token whose subject is not a user id (a service's own token) is refused with 403:
 * images belong to users.
 */
public record Caller(UUID userId, boolean admin) {

    public static Caller of(Jwt token) {
        String subject = token.getSubject();
        try {
            UUID user = UUID.fromString(subject);
            // UUID.fromString also takes non-canonical forms ("1-1-1-1-1"); a user id is only ever canonical.
            if (user.toString().equalsIgnoreCase(subject)) {
                return new Caller(user, hasRole(token, "ADMIN"));
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // not a user id: refused below
        }
        throw new ProblemException(HttpStatus.FORBIDDEN, "the access token does not name a user; images belong to users");
    }

    /** Whether this caller may see and delete what {@code owner} uploaded. */
    public boolean mayManage(UUID owner) {
        return admin || userId.equals(owner);
    }

    private static boolean hasRole(Jwt token, String role) {
        Collection<String> roles = token.getClaimAsStringList("roles");
        return roles != null && roles.contains(role);
    }
}
