package dev.flotilla.web;

import java.time.Clock;

import dev.flotilla.web.input.RequestScreeningFilter;
import dev.flotilla.web.input.RequestSizeLimitFilter;
import dev.flotilla.web.input.StrictJson;
import dev.flotilla.web.input.StrictBinding;
import dev.flotilla.web.observability.TraceIds;
import dev.flotilla.web.problem.ProblemErrorController;
import dev.flotilla.web.problem.ProblemErrorReportValve;
import dev.flotilla.web.problem.ProblemHandling;
import dev.flotilla.web.problem.ProblemWriter;
import io.micrometer.tracing.Tracer;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web edge of every Flotilla service: problem+json for every error a client can provoke (from
 * controllers, filters, the {@code /error} page and Tomcat itself), the input policy (strict JSON, the
 * {@link dev.flotilla.web.input.TextPolicy} on every string and query parameter, exact ids and numbers, one
 * concrete {@code Content-Type}), the body-size limit and a UTC {@link Clock}. Each bean gives way to
 * one of the service's own.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ServiceWebProperties.class)
public class ServiceWebAutoConfiguration {

    /** After the observation filter (so problems carry the trace id), before Spring Security. */
    static final int SIZE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    static final int SCREENING_ORDER = SIZE_LIMIT_ORDER + 1;

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    TraceIds traceIds(ObjectProvider<Tracer> tracer) {
        return new TraceIds(tracer);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter problemWriter(JsonMapper json, TraceIds traceIds) {
        return new ProblemWriter(json, traceIds);
    }

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemHandling problemHandling(ProblemWriter problems) {
        return new ProblemHandling(problems);
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(ProblemWriter problems) {
        return new ProblemErrorController(problems);
    }

    @Bean
    @ConditionalOnMissingBean
    StrictJson strictJson() {
        return new StrictJson();
    }

    @Bean
    @ConditionalOnMissingBean(name = "requestSizeLimitFilter")
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ServiceWebProperties properties,
            ProblemWriter problems) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.maxRequestSize().toBytes(), problems));
        registration.setOrder(SIZE_LIMIT_ORDER);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "requestScreeningFilter")
    FilterRegistrationBean<RequestScreeningFilter> requestScreeningFilter(ProblemWriter problems) {
        FilterRegistrationBean<RequestScreeningFilter> registration = new FilterRegistrationBean<>(
                new RequestScreeningFilter(problems));
        registration.setOrder(SCREENING_ORDER);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    StrictBinding strictBinding() {
        return new StrictBinding();
    }

    /** Tomcat answers some malformed requests itself: with problem+json, not its HTML page. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    static class TomcatErrors {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
            return new WebServerFactoryCustomizer<>() {
                @Override
                public void customize(TomcatServletWebServerFactory factory) {
                    factory.addContextCustomizers(context -> {
                        if (context.getParent() instanceof StandardHost host) {
                            for (Valve valve : host.getPipeline().getValves()) {
                                if (valve instanceof ErrorReportValve) {
                                    host.getPipeline().removeValve(valve);
                                }
                            }
                            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                            host.getPipeline().addValve(new ProblemErrorReportValve());
                        }
                    });
                }
            };
        }
    }
}
