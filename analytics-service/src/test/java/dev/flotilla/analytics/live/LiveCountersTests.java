package dev.flotilla.analytics.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.flotilla.order.events.OrderCancelled;
import dev.flotilla.order.events.OrderEventLine;
import dev.flotilla.order.events.OrderPlaced;
import dev.flotilla.order.events.OrderTotals;
import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.test.autoconfigure.DataRedisTest;
import org.springframework.context.annotation.Import;

@DataRedisTest
@RealEngines(Engine.REDIS)
@Import(LiveCounters.class)
class LiveCountersTests {

    private static final LocalDate DAY = LocalDate.parse("2026-12-01");

    @Autowired
    LiveCounters live;

    @Test
    void ordersRevenueAndBuyersCountEachEventOnce() {
        UUID buyer = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        OrderPlaced order = placed(buyer, "10.05");

        assertThat(live.apply(first, order, DAY)).isTrue();
        assertThat(live.apply(first, order, DAY)).isFalse();
        live.apply(UUID.randomUUID(), placed(buyer, "4.95"), DAY);
        live.apply(UUID.randomUUID(), placed(UUID.randomUUID(), "1.00"), DAY);
        live.apply(UUID.randomUUID(), new OrderCancelled(order.orderId(), buyer, "DE", "EUR", order.lines(), order.totals(),
                order.totalsEur(), Instant.now(), "customer"), DAY);

        LiveCounters.Live today = live.read(DAY);
        assertThat(today.orders()).isEqualTo(2);
        assertThat(today.revenueEur()).isEqualByComparingTo("5.95");
        assertThat(today.uniqueBuyers()).isEqualTo(2);
        assertThat(live.read(DAY.plusDays(1)).orders()).isZero();
    }

    private static OrderPlaced placed(UUID buyer, String amount) {
        BigDecimal value = new BigDecimal(amount);
        OrderTotals totals = new OrderTotals(value, BigDecimal.ZERO, value);
        return new OrderPlaced(UUID.randomUUID(), buyer, "DE", "EUR",
                List.of(new OrderEventLine("aaaaaaaaaaaaaaaaaaaaaaaa", "fashion", 1, value, value)), totals, totals, Instant.now());
    }
}
