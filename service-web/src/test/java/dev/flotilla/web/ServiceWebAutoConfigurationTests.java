package dev.flotilla.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.flotilla.web.input.StrictJson;
import dev.flotilla.web.openapi.OpenApiAutoConfiguration;
import dev.flotilla.web.openapi.ProblemResponses;
import dev.flotilla.web.problem.ProblemErrorController;
import dev.flotilla.web.problem.ProblemHandling;
import dev.flotilla.web.problem.ProblemWriter;
import dev.flotilla.web.security.ProblemSecurityHandlers;
import dev.flotilla.web.security.ResourceServerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceWebAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ServiceWebAutoConfiguration.class,
                    ResourceServerAutoConfiguration.class, OpenApiAutoConfiguration.class,
                    JacksonAutoConfiguration.class, WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
                    org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class));

    @Test
    void providesTheWebEdge() {
        runner.withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks")
                .run(context -> {
                    assertThat(context).hasSingleBean(ProblemHandling.class).hasSingleBean(ProblemWriter.class)
                            .hasSingleBean(StrictJson.class).hasSingleBean(ProblemSecurityHandlers.class)
                            .hasSingleBean(SecurityFilterChain.class).hasSingleBean(JwtDecoder.class)
                            .hasSingleBean(ProblemResponses.class).hasSingleBean(Clock.class);
                    assertThat(context.getBean(ErrorController.class)).isInstanceOf(ProblemErrorController.class);
                    assertThat(context.getBean(ServiceWebProperties.class).maxRequestSize().toKilobytes()).isEqualTo(256);
                    assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC);
                });
    }

    @Test
    void refusesToStartWithoutAWayToVerifyTokens() {
        runner.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"));
    }

    @Test
    void givesWayToTheServicesOwnBeans() {
        runner.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context.getBean(Clock.class)).isSameAs(OwnBeans.CLOCK);
            assertThat(context).doesNotHaveBean(ProblemHandling.class).hasSingleBean(ResponseEntityExceptionHandler.class);
            assertThat(context.getBean(JwtDecoder.class)).isSameAs(OwnBeans.DECODER);
            assertThat(context.getBean(SecurityFilterChain.class)).isSameAs(context.getBean("ownChain"));
            assertThat(context.getBean(ErrorController.class)).isNotInstanceOf(ProblemErrorController.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {

        static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        static final JwtDecoder DECODER = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:9/other").build();

        @Bean
        Clock clock() {
            return CLOCK;
        }

        @Bean
        JwtDecoder jwtDecoder() {
            return DECODER;
        }

        @Bean
        ResponseEntityExceptionHandler ownHandling() {
            return new ResponseEntityExceptionHandler() {
            };
        }

        @Bean
        ErrorController ownErrors() {
            return new ErrorController() {
            };
        }

        @Bean
        SecurityFilterChain ownChain(org.springframework.security.config.annotation.web.builders.HttpSecurity http)
                throws Exception {
            return http.build();
        }
    }
}
