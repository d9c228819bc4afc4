package dev.flotilla.web.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The id of the trace the current request belongs to (W3C {@code traceparent}), so that a problem body
 * and a log line can be matched with the trace of the same request.
 */
public final class TraceIds {

    private final ObjectProvider<Tracer> tracer;

    public TraceIds(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    /** The current trace id, or {@code null} outside a traced request. */
    public @Nullable String current() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        return span == null ? null : span.context().traceId();
    }
}
