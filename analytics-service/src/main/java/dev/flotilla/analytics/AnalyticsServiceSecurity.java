package dev.flotilla.analytics;

import dev.flotilla.web.security.ApiAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what: the dashboard's static files (the page, its script and style, its icon and the
 * uPlot WebJar) are anyone's to read, because the page logs in by itself and holds no figures; every
 * report is the admins' only.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsServiceSecurity {

    private static final String[] DASHBOARD = {"/", "/index.html", "/dashboard.js", "/dashboard.css", "/favicon.svg",
            "/webjars/**"};

    @Bean
    ApiAuthorization analyticsServiceAccess() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, DASHBOARD).permitAll()
                .requestMatchers(HttpMethod.HEAD, DASHBOARD).permitAll()
                .requestMatchers("/api/analytics", "/api/analytics/**").hasRole("ADMIN");
    }
}
