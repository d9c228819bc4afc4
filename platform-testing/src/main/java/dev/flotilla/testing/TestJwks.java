package dev.flotilla.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the Spring test context's resource server at the JWKS document of {@link TestJwtIssuer} by
 * setting {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}. Tests then authenticate with
 * {@code TestJwtIssuer.shared().token("some-user", "ADMIN")}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface TestJwks {
}
