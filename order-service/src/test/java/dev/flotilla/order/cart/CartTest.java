package dev.flotilla.order.cart;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import dev.flotilla.testing.TestJwks;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The cart's part of order-service on a real Redis, with tokens from the test issuer, through MockMvc. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// No database in this context, so no db health contributor for the readiness group to name.
@SpringBootTest(classes = CartTestApplication.class, properties = {"management.endpoint.health.validate-group-membership=false",
        "flotilla.test.slice=cart"})
@AutoConfigureMockMvc
@RealEngines(Engine.REDIS)
@TestJwks
@interface CartTest {
}
