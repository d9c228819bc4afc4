package dev.flotilla.order.order;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.flotilla.order.Caller;
import dev.flotilla.order.payment.Payment;
import dev.flotilla.order.payment.Payments;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads orders for the API, always with their payments, never another user's for a customer. */
@Service
@Transactional(readOnly = true)
public class OrderQueries {

    private final Orders orders;
    private final Payments payments;

    OrderQueries(Orders orders, Payments payments) {
        this.orders = orders;
        this.payments = payments;
    }

    public OrderView view(UUID id) {
        Order order = orders.findById(id).orElseThrow(() -> new OrderNotFoundException(id));
        return OrderView.of(order, payments.findByOrderId(id).orElse(null));
    }

    OrderView visibleTo(Caller caller, UUID id) {
        Order order = orders.findById(id).filter(found -> caller.admin() || found.userId().equals(caller.userId()))
                .orElseThrow(() -> new OrderNotFoundException(id));
        return OrderView.of(order, payments.findByOrderId(id).orElse(null));
    }

    OrderPage ofUser(UUID userId, Pageable pageable) {
        return page(orders.findByUserIdOrderByCreatedAtDescIdDesc(userId, pageable));
    }

    OrderPage matching(Specification<Order> filter, Pageable pageable) {
        return page(orders.findAll(filter, pageable));
    }

    private OrderPage page(Page<Order> found) {
        List<UUID> ids = found.getContent().stream().map(Order::id).toList();
        Map<UUID, Payment> byOrder = payments.findByOrderIdIn(ids).stream()
                .collect(Collectors.toMap(Payment::orderId, Function.identity()));
        List<OrderView> items = found.getContent().stream().map(order -> OrderView.of(order, byOrder.get(order.id()))).toList();
        return new OrderPage(items, found.getNumber(), found.getSize(), found.getTotalElements(), found.getTotalPages());
    }
}
