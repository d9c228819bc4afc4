package dev.flotilla.order.outbox;

import java.time.Clock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Only the outbox, on the stores and tracing the service auto-configures (JPA, Flyway, Redis,
 * OpenTelemetry), so its tests do not depend on the rest of order-service. No scheduling: the tests
 * run the relay's passes themselves, except {@link ScheduledRelayTests}.
 */
@SpringBootConfiguration
// Only where a test asks for this slice: the whole service's component scan in the other tests finds this class too.
@ConditionalOnProperty(name = "flotilla.test.slice", havingValue = "outbox")
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = OutboxTestApplication.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
