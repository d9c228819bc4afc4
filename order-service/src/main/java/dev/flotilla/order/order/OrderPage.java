package dev.flotilla.order.order;

import java.util.List;

/** One page of orders and where it sits in the whole listing. */
public record OrderPage(List<OrderView> items, int page, int size, long totalItems, int totalPages) {
}
