package dev.flotilla.order.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.flotilla.order.pricing.Pricing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order's life cycle, without Spring: the verbs and the transitions they refuse. */
class OrderTests {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aPlacedOrderIsCancelledWithARefundAndReleasesStockOnlyIfNotConfirmed() {
        Order unconfirmed = Order.placed(checkout(), NOW);
        assertThat(unconfirmed.cancel("changed my mind", NOW)).isEqualTo(new Order.Cancellation(true, true));
        assertThat(unconfirmed.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(unconfirmed.cancelReason()).isEqualTo("changed my mind");

        Order confirmed = Order.placed(checkout(), NOW);
        confirmed.stockConfirmed(NOW);
        assertThat(confirmed.cancel("x", NOW)).isEqualTo(new Order.Cancellation(true, false));
    }

    @Test
    void aPendingOrderIsCancelledWithoutARefundAndReleasesItsStock() {
        Order pending = Order.awaitingPayment(checkout(), NOW);

        assertThat(pending.cancel("x", NOW)).isEqualTo(new Order.Cancellation(false, true));
    }

    @Test
    void finalStatesRefuseEveryChange() {
        Order declined = Order.declined(checkout(), NOW);
        assertThatThrownBy(() -> declined.cancel("x", NOW)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("DECLINED and cannot be cancelled");

        Order cancelled = Order.placed(checkout(), NOW);
        cancelled.cancel("x", NOW);
        assertThatThrownBy(() -> cancelled.cancel("again", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> cancelled.stockConfirmed(NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> cancelled.paymentAuthorised(NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aPendingPaymentSettlesEitherWayOnce() {
        Order paid = Order.awaitingPayment(checkout(), NOW);
        paid.paymentAuthorised(NOW.plusSeconds(5));
        assertThat(paid.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(paid.updatedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThatThrownBy(() -> paid.paymentFailed(NOW)).isInstanceOf(IllegalTransitionException.class);

        Order failed = Order.awaitingPayment(checkout(), NOW);
        failed.paymentFailed(NOW);
        assertThat(failed.status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
        assertThat(failed.holdsUnconfirmedStock()).isFalse();
    }

    @Test
    void confirmingStockIsRepeatable() {
        Order order = Order.placed(checkout(), NOW);
        order.stockConfirmed(NOW);
        order.stockConfirmed(NOW.plusSeconds(1));

        assertThat(order.isStockConfirmed()).isTrue();
        assertThat(order.updatedAt()).isEqualTo(NOW);
    }

    static Checkout checkout() {
        UUID id = UUID.randomUUID();
        OrderLine line = new OrderLine(1, "0123456789abcdef01234567", "SKU-1", "Lamp", "lighting", 2,
                new BigDecimal("10.00"), new BigDecimal("10.00"));
        Pricing.Totals totals = new Pricing.Totals(new BigDecimal("20.00"), new BigDecimal("3.80"), new BigDecimal("23.80"));
        return new Checkout(id, UUID.randomUUID(), "order-" + id,
                new ShippingAddress("Ada", "1 Main St", null, "Berlin", "10115", "DE"), "EUR", List.of(line), totals, totals,
                new BigDecimal("19"), BigDecimal.ONE, null);
    }
}
