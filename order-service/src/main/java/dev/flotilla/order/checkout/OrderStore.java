package dev.flotilla.order.checkout;

import dev.flotilla.order.events.OrderEvent;
import dev.flotilla.order.order.Order;
import dev.flotilla.order.outbox.OrderEventsOutbox;
import dev.flotilla.order.payment.Payment;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the outcome of a checkout in ONE transaction: the order with its lines, the payment, the
 * outbox event and the idempotency record. Either all of them exist or none; a second checkout under
 * the same key fails here, on the record's primary key, and rolls back.
 */
@Component
class OrderStore {

    private final EntityManager entities;
    private final OrderEventsOutbox outbox;

    OrderStore(EntityManager entities, OrderEventsOutbox outbox) {
        this.entities = entities;
        this.outbox = outbox;
    }

    @Transactional
    void store(Order order, Payment payment, @Nullable OrderEvent event, IdempotencyRecord record) {
        // persist, not save: these are new rows, and save() would first look each of them up.
        entities.persist(order);
        entities.persist(payment);
        entities.persist(record);
        if (event != null) {
            outbox.append(event);
        }
        entities.flush();
    }
}
