package dev.flotilla.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.flotilla.order.events.OrderCancelled;
import dev.flotilla.order.events.OrderEvent;
import dev.flotilla.order.events.OrderEventCodec;
import dev.flotilla.order.events.OrderEventLine;
import dev.flotilla.order.events.OrderEventStream;
import dev.flotilla.order.events.OrderPlaced;
import dev.flotilla.order.events.OrderTotals;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Generated orders as order-service publishes them: placements over several days and countries, some cancelled. */
public final class TestOrders {

    private static final String[] COUNTRIES = {"DE", "FR", "NL", "AT"};
    private static final String[] CATEGORIES = {"fashion", "home", "garden"};
    private static final OrderEventCodec CODEC = new OrderEventCodec();

    private final Random random;
    private final Instant firstDay;
    private final int days;

    public TestOrders(long seed, Instant firstDay, int days) {
        this.random = new Random(seed);
        this.firstDay = firstDay;
        this.days = days;
    }

    /** One event with its CloudEvent id. */
    public record Published(UUID id, OrderEvent event) {
    }

    /** A placed order: one to three lines of twelve products, on one of the days. */
    public OrderPlaced placed() {
        List<OrderEventLine> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            int product = random.nextInt(12);
            BigDecimal price = BigDecimal.valueOf(500 + product * 125L, 2);
            int quantity = 1 + random.nextInt(4);
            lines.add(new OrderEventLine("%024x".formatted(product + 1), CATEGORIES[product % CATEGORIES.length], quantity, price, price));
            subtotal = subtotal.add(price.multiply(BigDecimal.valueOf(quantity)));
        }
        BigDecimal vat = subtotal.multiply(new BigDecimal("0.19")).setScale(2, RoundingMode.HALF_EVEN);
        OrderTotals totals = new OrderTotals(subtotal, vat, subtotal.add(vat));
        Instant at = firstDay.plusSeconds(random.nextInt(days) * 86_400L + random.nextInt(86_400));
        return new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), COUNTRIES[random.nextInt(COUNTRIES.length)], "EUR",
                lines, totals, totals, at);
    }

    public static OrderCancelled cancelled(OrderPlaced order) {
        return new OrderCancelled(order.orderId(), order.userId(), order.country(), order.currency(), order.lines(),
                order.totals(), order.totalsEur(), order.occurredAt().plusSeconds(3_600), "customer");
    }

    /** {@code orders} placements, every fifth cancelled right after it, in the order they happen. */
    public List<Published> events(int orders) {
        List<Published> events = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            OrderPlaced placed = placed();
            events.add(new Published(UUID.randomUUID(), placed));
            if (i % 5 == 4) {
                events.add(new Published(UUID.randomUUID(), cancelled(placed)));
            }
        }
        return events;
    }

    public static void publish(StringRedisTemplate redis, String streamKey, Published event) {
        redis.opsForStream().add(StreamRecords.string(Map.of(OrderEventStream.EVENT_FIELD,
                CODEC.write(event.id(), event.event(), null, null))).withStreamKey(streamKey));
    }

    /** Net orders and revenue in euros of the events, as a report over all their days sums them. */
    public static String netTotals(List<Published> events) {
        long orders = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (Published published : events) {
            switch (published.event()) {
                case OrderPlaced placed -> {
                    orders++;
                    revenue = revenue.add(placed.totalsEur().subtotal());
                }
                case OrderCancelled cancelled -> {
                    orders--;
                    revenue = revenue.subtract(cancelled.totalsEur().subtotal());
                }
            }
        }
        return orders + " orders, " + revenue.setScale(2, RoundingMode.UNNECESSARY) + " EUR";
    }
}
