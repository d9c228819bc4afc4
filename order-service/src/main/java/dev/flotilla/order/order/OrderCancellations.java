package dev.flotilla.order.order;

import java.time.Clock;
import java.util.UUID;

import dev.flotilla.order.Caller;
import dev.flotilla.order.catalogue.StockReservations;
import dev.flotilla.order.outbox.OrderEventsOutbox;
import dev.flotilla.order.payment.Payment;
import dev.flotilla.order.payment.PaymentProvider;
import dev.flotilla.order.payment.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cancels orders. The order row is locked while its payment is refunded (a placed order) or its
 * pending authorisation dropped, so that a cancellation never races the stock-confirmation or
 * payment jobs; the refund, the new state and the {@code OrderCancelled} event commit together or not
 * at all. Stock that was still held is released after the commit (a failed release costs nothing:
 * product-service frees an unconfirmed hold when its TTL passes).
 */
@Service
class OrderCancellations {

    private static final Logger log = LoggerFactory.getLogger(OrderCancellations.class);

    private final Orders orders;
    private final Payments payments;
    private final PaymentProvider provider;
    private final StockReservations stock;
    private final OrderEventsOutbox outbox;
    private final Clock clock;

    OrderCancellations(Orders orders, Payments payments, PaymentProvider provider, StockReservations stock,
            OrderEventsOutbox outbox, Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.provider = provider;
        this.stock = stock;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    OrderView cancel(Caller caller, UUID id, String reason) {
        Order order = orders.lockById(id).filter(found -> caller.admin() || found.userId().equals(caller.userId()))
                .orElseThrow(() -> new OrderNotFoundException(id));
        Payment payment = payments.findByOrderId(id).orElseThrow(() -> new IllegalStateException("order " + id + " has no payment"));
        Order.Cancellation cancellation = order.cancel(reason, clock.instant());
        if (cancellation.wasPlaced()) {
            provider.refund(payment.id().toString(), payment.money());
            payment.refunded(clock.instant());
            outbox.append(OrderEvents.cancelled(order, clock.instant()));
        } else {
            provider.cancelAuthorisation(payment.id().toString());
            payment.voided(clock.instant());
        }
        if (cancellation.releaseStock()) {
            releaseAfterCommit(order.reservationId());
        }
        return OrderView.of(orders.save(order), payments.save(payment));
    }

    private void releaseAfterCommit(String reservationId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    stock.release(reservationId);
                } catch (RuntimeException e) {
                    log.warn("reservation {} of a cancelled order not released now ({}); product-service frees it at expiry",
                            reservationId, e.getMessage());
                }
            }
        });
    }
}
