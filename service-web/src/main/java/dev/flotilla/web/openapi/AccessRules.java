package dev.flotilla.web.openapi;

import java.util.List;

import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Asks the running security rules, not a second list of them, who may call an operation: anyone, any
 * holder of a valid token, or only a token with a particular role.
 */
public class AccessRules {

    static final String SCHEME = "bearer";

    /** Who may call an operation. */
    enum Access { PUBLIC, TOKEN, ROLE }

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("openapi", "anonymous",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    private static final Authentication NO_ROLES = authenticated();

    private final ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator;

    public AccessRules(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator) {
        this.evaluator = evaluator;
    }

    Access of(String method, String pathTemplate) {
        WebInvocationPrivilegeEvaluator rules = evaluator.getIfAvailable();
        if (rules == null) {
            return Access.TOKEN;
        }
        String path = pathTemplate.replaceAll("\\{[^}]+}", "0");
        if (rules.isAllowed(null, path, method, ANONYMOUS)) {
            return Access.PUBLIC;
        }
        return rules.isAllowed(null, path, method, NO_ROLES) ? Access.TOKEN : Access.ROLE;
    }

    static SecurityScheme bearerScheme() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An RS256 access token from user-service (POST /api/auth/login)");
    }

    static SecurityRequirement requirement() {
        return new SecurityRequirement().addList(SCHEME, List.of());
    }

    private static Authentication authenticated() {
        TestingAuthenticationToken token = new TestingAuthenticationToken("openapi", "n/a", List.of());
        token.setAuthenticated(true);
        return token;
    }
}
