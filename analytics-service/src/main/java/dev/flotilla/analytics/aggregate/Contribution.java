package dev.flotilla.analytics.aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flotilla.order.events.OrderEventLine;

/**
 * What one order adds to one bucket of one dimension: orders, units and net revenue in euros; a
 * cancellation contributes the same, negated.
 */
record Contribution(Dimension dimension, String key, int orders, int units, BigDecimal revenueEur) {

    /** An order's contributions: one per product, per category and for its country, each counting the order once. */
    static List<Contribution> of(String country, List<OrderEventLine> lines, BigDecimal subtotalEur, int sign) {
        List<Contribution> contributions = new ArrayList<>();
        Map<String, Contribution> products = new LinkedHashMap<>();
        Map<String, Contribution> categories = new LinkedHashMap<>();
        int units = 0;
        for (OrderEventLine line : lines) {
            BigDecimal revenue = line.unitPriceEur().multiply(BigDecimal.valueOf(line.quantity()));
            products.merge(line.productId(), new Contribution(Dimension.PRODUCT, line.productId(), 1, line.quantity(), revenue),
                    Contribution::plusSameOrder);
            categories.merge(line.category(), new Contribution(Dimension.CATEGORY, line.category(), 1, line.quantity(), revenue),
                    Contribution::plusSameOrder);
            units += line.quantity();
        }
        contributions.addAll(products.values());
        contributions.addAll(categories.values());
        contributions.add(new Contribution(Dimension.COUNTRY, country, 1, units, subtotalEur));
        return contributions.stream().map(c -> c.times(sign)).toList();
    }

    /** Two lines of one order in the same bucket: their units and revenue add up, the order counts once. */
    private Contribution plusSameOrder(Contribution other) {
        return new Contribution(dimension, key, orders, units + other.units, revenueEur.add(other.revenueEur));
    }

    /** Two orders' contributions to the same bucket, summed: a batch writes each bucket once. */
    Contribution plus(Contribution other) {
        return new Contribution(dimension, key, orders + other.orders, units + other.units, revenueEur.add(other.revenueEur));
    }

    private Contribution times(int sign) {
        return new Contribution(dimension, key, orders * sign, units * sign, revenueEur.multiply(BigDecimal.valueOf(sign)));
    }
}
