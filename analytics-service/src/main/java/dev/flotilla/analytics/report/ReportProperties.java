package dev.flotilla.analytics.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reports, under {@code flotilla.analytics.reports}.
 *
 * @param maxDays the longest range one report may cover, both ends included
 * @param maxTopProducts the most products a top-products report may list
 */
@ConfigurationProperties("flotilla.analytics.reports")
public record ReportProperties(
        @DefaultValue("366") int maxDays,
        @DefaultValue("100") int maxTopProducts) {
}
