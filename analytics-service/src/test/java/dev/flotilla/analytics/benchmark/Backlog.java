package dev.flotilla.analytics.benchmark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.flotilla.analytics.TestOrders;
import dev.flotilla.order.events.OrderCancelled;
import dev.flotilla.order.events.OrderEventCodec;

/**
 * Events to publish, encoded beforehand as order-service writes them, so that publishing costs only the
 * writes. {@link TestOrders#events} puts each cancellation right after its placement; here it comes
 * {@code cancelGap} events later, as an order cancelled an hour after it was placed does, with other
 * orders in between (0 keeps {@link TestOrders}' order).
 *
 * @param events what a report over all their days must sum to ({@link TestOrders#netTotals})
 * @param documents the stream entries' {@code event} fields, in publishing order
 */
record Backlog(List<TestOrders.Published> events, List<String> documents) {

    private static final OrderEventCodec CODEC = new OrderEventCodec();

    /** At least {@code size} events (every fifth order cancelled, so about a sixth are cancellations). */
    static Backlog of(TestOrders orders, int size, int cancelGap) {
        int placements = 0;
        while (placements + placements / 5 < size) {
            placements++;
        }
        List<TestOrders.Published> events = delayCancellations(orders.events(placements), cancelGap);
        List<String> documents = events.stream().map(event -> CODEC.write(event.id(), event.event(), null, null)).toList();
        return new Backlog(events, documents);
    }

    int size() {
        return events.size();
    }

    long cancellations() {
        return events.stream().filter(event -> event.event() instanceof OrderCancelled).count();
    }

    private static List<TestOrders.Published> delayCancellations(List<TestOrders.Published> events, int gap) {
        if (gap == 0) {
            return events;
        }
        record Due(int position, TestOrders.Published event) {
        }
        List<TestOrders.Published> ordered = new ArrayList<>(events.size());
        Deque<Due> waiting = new ArrayDeque<>();
        for (TestOrders.Published event : events) {
            if (event.event() instanceof OrderCancelled) {
                waiting.add(new Due(ordered.size() + gap, event));
            } else {
                ordered.add(event);
            }
            while (!waiting.isEmpty() && waiting.peek().position() <= ordered.size()) {
                ordered.add(waiting.poll().event());
            }
        }
        waiting.forEach(due -> ordered.add(due.event()));
        return ordered;
    }
}
