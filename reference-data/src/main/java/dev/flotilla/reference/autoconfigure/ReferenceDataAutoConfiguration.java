package dev.flotilla.reference.autoconfigure;

import dev.flotilla.reference.ReferenceData;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every Spring Boot service that depends on reference-data a {@link ReferenceData} bean, and
 * adds the file's schema version and content checksum to {@code /actuator/info}.
 */
@AutoConfiguration
@EnableConfigurationProperties(ReferenceDataProperties.class)
public class ReferenceDataAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ReferenceData referenceData(ReferenceDataProperties properties) {
        if (properties.path() != null) {
            return properties.connections() > 0 ? ReferenceData.open(properties.path(), properties.connections())
                    : ReferenceData.open(properties.path());
        }
        return properties.connections() > 0 ? ReferenceData.openBundled(properties.connections())
                : ReferenceData.openBundled();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(InfoContributor.class)
    static class InfoConfiguration {

        @Bean
        InfoContributor referenceDataInfoContributor(ReferenceData referenceData) {
            return builder -> builder.withDetail("referenceData", referenceData.info());
        }
    }
}
