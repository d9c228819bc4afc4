package dev.flotilla.order.checkout;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.flotilla.order.catalogue.StockReservations;
import dev.flotilla.order.order.Order;
import dev.flotilla.order.order.OrderStatus;
import dev.flotilla.order.order.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirms the reservations of placed orders at product-service, right after a checkout and again,
 * by a job, until product-service has confirmed each one: the order is placed already, so this never
 * gives up. The order row is locked during the call, so a cancellation waits for it instead of
 * releasing stock that is being confirmed.
 */
@Component
class StockConfirmations {

    private static final Logger log = LoggerFactory.getLogger(StockConfirmations.class);
    private static final int BATCH = 50;

    private final Orders orders;
    private final StockReservations stock;
    private final TransactionTemplate transactions;
    private final CheckoutProperties properties;
    private final Clock clock;

    StockConfirmations(Orders orders, StockReservations stock, TransactionTemplate transactions,
            CheckoutProperties properties, Clock clock) {
        this.orders = orders;
        this.stock = stock;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Confirms one order's reservation, if it still needs it. */
    void confirm(UUID orderId) {
        transactions.executeWithoutResult(status -> orders.lockById(orderId)
                .filter(order -> order.status() == OrderStatus.PLACED && !order.isStockConfirmed())
                .ifPresent(this::confirm));
    }

    @Scheduled(fixedDelayString = "${flotilla.order.checkout.confirm-interval:2s}")
    void confirmOutstanding() {
        List<UUID> due = orders.unconfirmedBefore(clock.instant().minus(properties.confirmAfter()), PageRequest.of(0, BATCH));
        for (UUID orderId : due) {
            try {
                confirm(orderId);
            } catch (RuntimeException e) {
                log.warn("order {}: reservation not confirmed yet ({}); retrying in {}", orderId, e.getMessage(),
                        properties.confirmInterval());
                return;
            }
        }
    }

    private void confirm(Order order) {
        stock.confirm(order.reservationId());
        order.stockConfirmed(clock.instant());
        orders.save(order);
    }
}
