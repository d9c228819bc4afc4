package dev.flotilla.order.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The rules of the schema that Jackson's binding does not enforce, applied to an event before it is
 * written and after it is read, so that the producer cannot send what a consumer would refuse.
 */
final class OrderEventChecks {

    /** An exact, non-negative decimal with at most 16 integer digits and 3 decimals, as in the database. */
    static final Pattern AMOUNT = Pattern.compile("[0-9]{1,16}(\\.[0-9]{1,3})?");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern PRODUCT_ID = Pattern.compile("[0-9a-f]{24}");
    private static final int MAX_TEXT = 200;

    private OrderEventChecks() {
    }

    /** Throws {@link MalformedOrderEventException} naming the first field that breaks the schema. */
    static void check(OrderEvent event) {
        present(event.orderId(), "orderId");
        present(event.userId(), "userId");
        matches(event.country(), COUNTRY, "country");
        matches(event.currency(), CURRENCY, "currency");
        present(event.occurredAt(), "occurredAt");
        lines(event.lines());
        totals(event.totals(), "totals");
        totals(event.totalsEur(), "totalsEur");
        if (event instanceof OrderCancelled cancelled) {
            text(cancelled.reason(), "reason");
        }
    }

    private static void lines(@Nullable List<OrderEventLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new MalformedOrderEventException("data.lines must hold at least one line");
        }
        for (int i = 0; i < lines.size(); i++) {
            OrderEventLine line = lines.get(i);
            String path = "lines[" + i + "]";
            present(line, path);
            matches(line.productId(), PRODUCT_ID, path + ".productId");
            text(line.category(), path + ".category");
            if (line.quantity() < 1) {
                throw new MalformedOrderEventException("data." + path + ".quantity must be at least 1");
            }
            amount(line.unitPrice(), path + ".unitPrice");
            amount(line.unitPriceEur(), path + ".unitPriceEur");
        }
    }

    private static void totals(@Nullable OrderTotals totals, String path) {
        present(totals, path);
        amount(totals.subtotal(), path + ".subtotal");
        amount(totals.tax(), path + ".tax");
        amount(totals.total(), path + ".total");
        if (totals.subtotal().add(totals.tax()).compareTo(totals.total()) != 0) {
            throw new MalformedOrderEventException("data." + path + ".total must equal subtotal + tax");
        }
    }

    private static void amount(@Nullable BigDecimal amount, String path) {
        present(amount, path);
        if (!AMOUNT.matcher(amount.toPlainString()).matches()) {
            throw new MalformedOrderEventException("data." + path
                    + " must be a non-negative decimal with at most 16 digits before the point and 3 after it");
        }
    }

    private static void text(@Nullable String value, String path) {
        present(value, path);
        if (value.isBlank() || value.length() > MAX_TEXT) {
            throw new MalformedOrderEventException("data." + path + " must be 1 to " + MAX_TEXT + " characters");
        }
    }

    private static void matches(@Nullable String value, Pattern pattern, String path) {
        present(value, path);
        if (!pattern.matcher(value).matches()) {
            throw new MalformedOrderEventException("data." + path + " must match " + pattern.pattern());
        }
    }

    private static void present(@Nullable Object value, String path) {
        if (value == null) {
            throw new MalformedOrderEventException("data." + path + " is missing");
        }
    }
}
