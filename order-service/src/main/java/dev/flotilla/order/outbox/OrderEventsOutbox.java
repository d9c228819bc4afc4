package dev.flotilla.order.outbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.flotilla.order.events.OrderEvent;
import dev.flotilla.order.events.OrderEventCodec;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a feature records an order event: in the transaction that makes the change the event
 * describes, so that the event exists exactly when the change committed. The relay publishes it to
 * the order-events stream afterwards, at least once.
 *
 * <pre>{@code
 * @Transactional
 * void place(...) {
 *     orders.save(order);
 *     outbox.append(new OrderPlaced(...));
 * }
 * }</pre>
 */
@Component
public class OrderEventsOutbox {

    private final OutboxRows rows;
    private final OrderEventCodec codec;
    private final Clock clock;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    OrderEventsOutbox(OutboxRows rows, OutboxProperties properties, Clock clock, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        this.rows = rows;
        this.codec = new OrderEventCodec(properties.source());
        this.clock = clock;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * Writes the event, as the CloudEvent it will be published as, to the outbox in the caller's
     * transaction, with a new event id and the W3C trace context of the current span (if any).
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     * @throws dev.flotilla.order.events.MalformedOrderEventException if the event breaks the
     *     order-events schema; the caller's transaction then rolls back, so nothing is half-announced
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OrderEvent event) {
        UUID id = UUID.randomUUID();
        Map<String, String> trace = currentTraceContext();
        String traceparent = trace.get("traceparent");
        String tracestate = traceparent == null ? null : trace.get("tracestate");
        String cloudEvent = codec.write(id, event, traceparent, tracestate);
        rows.insert(id, event.orderId(), event.type(), cloudEvent, traceparent, tracestate, clock.instant());
    }

    /** The W3C headers ({@code traceparent}, {@code tracestate}) the current span would send on a call. */
    private Map<String, String> currentTraceContext() {
        Map<String, String> headers = new HashMap<>();
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator currentPropagator = propagator.getIfAvailable();
        @Nullable Span span = currentTracer == null ? null : currentTracer.currentSpan();
        if (span != null && currentPropagator != null) {
            currentPropagator.inject(span.context(), headers, (carrier, key, value) -> {
                if (carrier != null) {
                    carrier.put(key, value);
                }
            });
        }
        return headers;
    }
}
