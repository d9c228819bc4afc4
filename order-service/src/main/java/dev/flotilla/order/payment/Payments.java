package dev.flotilla.order.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/** Stored payments, one per order. */
public interface Payments extends Repository<Payment, UUID> {

    Payment save(Payment payment);

    Optional<Payment> findByOrderId(UUID orderId);

    List<Payment> findByOrderIdIn(Collection<UUID> orderIds);
}
