package dev.flotilla.web.observability;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, as the lowest-priority property source, so that any of them can be
 * changed in a service's {@code application.yaml} or by an environment variable: structured JSON logs
 * (Elastic Common Schema, with the trace and span ids of the request), the service name as a tag on
 * every metric, the probes, Prometheus, health and info as the only web endpoints, W3C trace-context
 * propagation, and no trace export until an OTLP endpoint is configured
 * ({@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}).
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "flotillaWebDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("logging.structured.format.console", "ecs");
        defaults.put("management.metrics.tags.service", "${spring.application.name:unnamed}");
        defaults.put("management.tracing.propagation.type", "w3c");
        defaults.put("management.tracing.sampling.probability", "1.0");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        // No /actuator index: it would list the endpoints to any holder of a token.
        defaults.put("management.endpoints.web.discovery.enabled", "false");
        defaults.put("management.otlp.metrics.export.enabled", "false");
        defaults.put("spring.mvc.problemdetails.enabled", "true");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
