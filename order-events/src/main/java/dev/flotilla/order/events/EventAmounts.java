package dev.flotilla.order.events;

import tools.jackson.databind.JsonNode;

/**
 * Amounts travel as JSON strings: a reader refuses a JSON number, which some producer may have
 * rounded through a binary float, before binding turns it into a {@code BigDecimal}.
 */
final class EventAmounts {

    private static final String[] TOTALS = {"subtotal", "tax", "total"};
    private static final String[] LINE_PRICES = {"unitPrice", "unitPriceEur"};

    private EventAmounts() {
    }

    static void requireStrings(JsonNode data) {
        strings(data.get("totals"), "totals", TOTALS);
        strings(data.get("totalsEur"), "totalsEur", TOTALS);
        JsonNode lines = data.get("lines");
        if (lines != null && lines.isArray()) {
            for (int i = 0; i < lines.size(); i++) {
                strings(lines.get(i), "lines[" + i + "]", LINE_PRICES);
            }
        }
    }

    private static void strings(JsonNode parent, String path, String[] names) {
        if (parent == null || !parent.isObject()) {
            return; // binding reports the missing or misshapen object with its path
        }
        for (String name : names) {
            JsonNode amount = parent.get(name);
            if (amount == null || amount.isNull()) {
                throw new MalformedOrderEventException("data." + path + "." + name + " is missing");
            }
            if (!amount.isString() || !OrderEventChecks.AMOUNT.matcher(amount.stringValue()).matches()) {
                throw new MalformedOrderEventException("data." + path + "." + name
                        + " must be a decimal string such as \"19.99\" (non-negative, at most 3 decimals)");
            }
        }
    }
}
