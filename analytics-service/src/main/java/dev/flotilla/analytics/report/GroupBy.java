package dev.flotilla.analytics.report;

import java.util.Locale;
import java.util.Optional;

import dev.flotilla.analytics.aggregate.Dimension;

/**
 * How a sales report is broken down. By day, the country aggregates are summed per day: every order
 * is in exactly one country bucket, so each counts once.
 */
public enum GroupBy {
    DAY(Dimension.COUNTRY, "day"), CATEGORY(Dimension.CATEGORY, "key"), COUNTRY(Dimension.COUNTRY, "key"),
    PRODUCT(Dimension.PRODUCT, "key");

    private final Dimension dimension;
    private final String field;

    GroupBy(Dimension dimension, String field) {
        this.dimension = dimension;
        this.field = field;
    }

    Dimension dimension() {
        return dimension;
    }

    /** The field of the aggregate documents the rows are grouped by. */
    String field() {
        return field;
    }

    static Optional<GroupBy> parse(String value) {
        for (GroupBy groupBy : values()) {
            if (groupBy.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(groupBy);
            }
        }
        return Optional.empty();
    }
}
