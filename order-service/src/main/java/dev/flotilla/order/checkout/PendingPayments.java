package dev.flotilla.order.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.flotilla.order.order.Order;
import dev.flotilla.order.order.OrderEvents;
import dev.flotilla.order.order.OrderStatus;
import dev.flotilla.order.order.Orders;
import dev.flotilla.order.outbox.OrderEventsOutbox;
import dev.flotilla.order.payment.Payment;
import dev.flotilla.order.payment.PaymentProperties;
import dev.flotilla.order.payment.PaymentProvider;
import dev.flotilla.order.payment.PaymentProvider.Authorisation;
import dev.flotilla.order.payment.Payments;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles orders whose payment timed out ({@code PAYMENT_PENDING}) by asking the processor what it
 * decided for the payment's reference. Approved: the order is placed (event and stock confirmation
 * follow). Declined, or unknown to the processor after {@link PaymentProperties#pendingTimeout()}:
 * the order becomes {@code PAYMENT_FAILED} and its stock is released.
 */
@Component
class PendingPayments {

    private final Orders orders;
    private final Payments payments;
    private final PaymentProvider provider;
    private final OrderEventsOutbox outbox;
    private final Compensations compensations;
    private final TransactionTemplate transactions;
    private final PaymentProperties properties;
    private final Clock clock;

    PendingPayments(Orders orders, Payments payments, PaymentProvider provider, OrderEventsOutbox outbox,
            Compensations compensations, TransactionTemplate transactions, PaymentProperties properties, Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.provider = provider;
        this.outbox = outbox;
        this.compensations = compensations;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${flotilla.order.payment.reconcile-interval:5s}")
    void settle() {
        for (UUID orderId : orders.paymentPendingBefore(clock.instant(), PageRequest.of(0, 50))) {
            Order settled = transactions.execute(status -> orders.lockById(orderId)
                    .filter(order -> order.status() == OrderStatus.PAYMENT_PENDING).map(this::settle).orElse(null));
            if (settled != null && settled.status() == OrderStatus.PLACED) {
                compensations.confirm(settled.id(), settled.reservationId());
            } else if (settled != null && settled.status() == OrderStatus.PAYMENT_FAILED) {
                compensations.undo(settled.reservationId(), null);
            }
        }
    }

    private Order settle(Order order) {
        Payment payment = payments.findByOrderId(order.id()).orElseThrow();
        Optional<Authorisation> decided = provider.lookup(payment.id().toString());
        Instant now = clock.instant();
        if (decided.isPresent() && decided.get().approved()) {
            payment.authorisedLater(decided.get().providerReference(), now);
            order.paymentAuthorised(now);
            outbox.append(OrderEvents.placed(order, now));
        } else if (decided.isPresent() || order.updatedAt().plus(properties.pendingTimeout()).isBefore(now)) {
            payment.failed(decided.map(Authorisation::declineReason).orElse("not_received_by_processor"), now);
            provider.cancelAuthorisation(payment.id().toString());
            order.paymentFailed(now);
        } else {
            return null;
        }
        payments.save(payment);
        return orders.save(order);
    }
}
