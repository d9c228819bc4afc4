package dev.flotilla.order.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Stored orders. */
public interface Orders extends Repository<Order, UUID>, JpaSpecificationExecutor<Order> {

    Order save(Order order);

    Optional<Order> findById(UUID id);

    /** The order, locked until the transaction ends: changes to one order run one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Order o where o.id = :id")
    Optional<Order> lockById(UUID id);

    Page<Order> findByUserIdOrderByCreatedAtDescIdDesc(UUID userId, Pageable pageable);

    /** Placed orders whose reservation is not confirmed yet, oldest first. */
    @Query("select o.id from Order o where o.status = dev.flotilla.order.order.OrderStatus.PLACED "
            + "and o.stockConfirmed = false and o.updatedAt < :before order by o.updatedAt")
    List<UUID> unconfirmedBefore(Instant before, Pageable limit);

    /** Orders waiting for their payment's outcome, oldest first. */
    @Query("select o.id from Order o where o.status = dev.flotilla.order.order.OrderStatus.PAYMENT_PENDING "
            + "and o.updatedAt < :before order by o.updatedAt")
    List<UUID> paymentPendingBefore(Instant before, Pageable limit);

    long count();
}
