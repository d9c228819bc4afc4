package dev.flotilla.analytics;

import dev.flotilla.web.security.ApiAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call what: every report is the admins' only. */
@Configuration(proxyBeanMethods = false)
class AnalyticsServiceSecurity {

    @Bean
    ApiAuthorization analyticsServiceAccess() {
        return requests -> requests.requestMatchers("/api/analytics", "/api/analytics/**").hasRole("ADMIN");
    }
}
