package dev.flotilla.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service against real PostgreSQL and Redis, driven through MockMvc, with the test keys
 * and the cheapest BCrypt cost of {@code application-test.yaml}. Each test class gets its own
 * databases.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RealEngines({Engine.POSTGRESQL, Engine.REDIS})
public @interface UserServiceTest {
}
