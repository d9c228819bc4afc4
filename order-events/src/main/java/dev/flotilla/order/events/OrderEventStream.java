package dev.flotilla.order.events;

/**
 * Where order events travel: a Redis stream whose entries each hold one CloudEvent, in structured
 * JSON mode, under {@link #EVENT_FIELD}. Entry ids are Redis' own ({@code XADD ... *}); they order
 * the entries but are not the event's identity: consumers deduplicate by the CloudEvent {@code id}.
 */
public final class OrderEventStream {

    /** The stream key order-service writes to unless configured otherwise. */
    public static final String DEFAULT_KEY = "flotilla:order-events";

    /** The field of a stream entry that holds the CloudEvent JSON (the only field of the entry). */
    public static final String EVENT_FIELD = "event";

    private OrderEventStream() {
    }
}
