package dev.flotilla.order.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events and resources for the tests. */
final class Events {

    static final Instant OCCURRED_AT = Instant.parse("2026-12-01T10:15:30.123456Z");

    private Events() {
    }

    static OrderPlaced placed() {
        return new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), "DE", "JPY", lines(), totals("3000", "570", "3570"),
                totals("18.29", "3.48", "21.77"), OCCURRED_AT);
    }

    static OrderCancelled cancelled() {
        return new OrderCancelled(UUID.randomUUID(), UUID.randomUUID(), "FR", "EUR", lines(),
                totals("3000", "570", "3570"), totals("18.29", "3.48", "21.77"), OCCURRED_AT, "Cancelled by the customer");
    }

    static List<OrderEventLine> lines() {
        return List.of(new OrderEventLine("65a1f0c2b3d4e5f60718293a", "books", 2, new BigDecimal("1000"),
                        new BigDecimal("6.10")),
                new OrderEventLine("65a1f0c2b3d4e5f60718293b", "music", 1, new BigDecimal("1000.000"), new BigDecimal("6.09")));
    }

    static OrderTotals totals(String subtotal, String tax, String total) {
        return new OrderTotals(new BigDecimal(subtotal), new BigDecimal(tax), new BigDecimal(total));
    }

    static String resource(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/order-events/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No resource order-events/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
