package dev.flotilla.order.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.type.LogicalType;

/**
 * Writes and reads order events as CloudEvents 1.0 in structured JSON mode: one JSON object holding
 * the context attributes ({@code specversion}, {@code id}, {@code source}, {@code type},
 * {@code subject}, {@code time}, {@code datacontenttype}), the distributed-tracing extension
 * ({@code traceparent}, {@code tracestate}) and the event as {@code data}.
 *
 * <p>Reading is strict, since stream entries are input from outside the consumer: anything but a
 * well-formed event of a known type is refused with a {@link MalformedOrderEventException}. It is
 * tolerant only where the CloudEvents and trace-context specifications ask a reader to be: unknown
 * attributes and unknown {@code data} fields are ignored, and a malformed {@code traceparent} is
 * dropped rather than failing the event. Instances are immutable and thread-safe.
 */
public final class OrderEventCodec {

    /** The only CloudEvents version written and accepted. */
    public static final String SPEC_VERSION = "1.0";

    /** The {@code source} order-service writes. */
    public static final String DEFAULT_SOURCE = "/flotilla/order-service";

    /** The {@code datacontenttype} written; the only one accepted (absent means the same). */
    public static final String DATA_CONTENT_TYPE = "application/json";

    /** The largest document read, in characters; a real order event is a few kilobytes. */
    public static final int MAX_DOCUMENT_LENGTH = 1 << 20;

    private static final Map<String, Class<? extends OrderEvent>> TYPES =
            Map.of(OrderPlaced.TYPE, OrderPlaced.class, OrderCancelled.TYPE, OrderCancelled.class);

    private final JsonMapper json = mapper();
    private final String source;

    /** A codec that writes {@link #DEFAULT_SOURCE} as the source. */
    public OrderEventCodec() {
        this(DEFAULT_SOURCE);
    }

    /** A codec that writes the given source (a URI reference, e.g. {@code /flotilla/order-service}). */
    public OrderEventCodec(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("A CloudEvent source must not be blank");
        }
        this.source = source;
    }

    /**
     * The CloudEvent JSON of an event. The {@code time} is the event's {@code occurredAt}, the
     * {@code subject} its order id; the trace attributes are written when given (a {@code tracestate}
     * only with a {@code traceparent}).
     *
     * @throws MalformedOrderEventException if the event breaks the schema (a reader would refuse it)
     */
    public String write(UUID eventId, OrderEvent event, @Nullable String traceparent, @Nullable String tracestate) {
        if (eventId == null || event == null) {
            throw new IllegalArgumentException("An event id and an event are required");
        }
        OrderEventChecks.check(event);
        ObjectNode envelope = json.createObjectNode();
        envelope.put("specversion", SPEC_VERSION);
        envelope.put("id", eventId.toString());
        envelope.put("source", source);
        envelope.put("type", event.type());
        envelope.put("subject", event.orderId().toString());
        envelope.put("time", event.occurredAt().toString());
        envelope.put("datacontenttype", DATA_CONTENT_TYPE);
        String validTraceparent = Attributes.traceparent(traceparent);
        if (validTraceparent != null) {
            envelope.put("traceparent", validTraceparent);
            String validTracestate = Attributes.tracestate(tracestate);
            if (validTracestate != null) {
                envelope.put("tracestate", validTracestate);
            }
        }
        envelope.set("data", json.valueToTree(event));
        return json.writeValueAsString(envelope);
    }

    /**
     * Reads one CloudEvent JSON document.
     *
     * @throws MalformedOrderEventException if it is not a valid order event; the message says why
     */
    public ReceivedOrderEvent read(String document) {
        JsonNode root = parse(document);
        String specversion = Attributes.requiredString(root, "specversion");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new MalformedOrderEventException("specversion must be \"" + SPEC_VERSION + "\"");
        }
        String type = Attributes.requiredString(root, "type");
        Class<? extends OrderEvent> kind = TYPES.get(type);
        if (kind == null) {
            throw new MalformedOrderEventException("type is not an order event type this reader knows: " + shortened(type));
        }
        UUID id = Attributes.uuid(Attributes.requiredString(root, "id"), "id");
        String eventSource = Attributes.requiredString(root, "source");
        Instant time = Attributes.instant(Attributes.requiredString(root, "time"));
        String subject = Attributes.requiredString(root, "subject");
        Attributes.checkDataContentType(root);
        OrderEvent event = data(root, kind);
        if (!subject.equals(event.orderId().toString())) {
            throw new MalformedOrderEventException("subject must be the order id of the data");
        }
        String traceparent = Attributes.traceparent(Attributes.optionalString(root, "traceparent"));
        String tracestate = traceparent == null ? null : Attributes.tracestate(Attributes.optionalString(root, "tracestate"));
        return new ReceivedOrderEvent(id, eventSource, type, time, traceparent, tracestate, event);
    }

    private JsonNode parse(@Nullable String document) {
        if (document == null || document.isEmpty()) {
            throw new MalformedOrderEventException("The document is empty");
        }
        if (document.length() > MAX_DOCUMENT_LENGTH) {
            throw new MalformedOrderEventException("The document is longer than " + MAX_DOCUMENT_LENGTH + " characters");
        }
        JsonNode root;
        try {
            root = json.readTree(document);
        } catch (JacksonException e) {
            throw new MalformedOrderEventException("The document is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedOrderEventException("The document is not a JSON object");
        }
        return root;
    }

    private OrderEvent data(JsonNode root, Class<? extends OrderEvent> kind) {
        if (root.has("data_base64")) {
            throw new MalformedOrderEventException("data_base64 is not accepted: order events carry JSON data");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedOrderEventException("data must be a JSON object");
        }
        EventAmounts.requireStrings(data);
        OrderEvent event;
        try {
            event = json.treeToValue(data, kind);
        } catch (JacksonException e) {
            throw new MalformedOrderEventException("data does not match " + kind.getSimpleName() + ": "
                    + e.getOriginalMessage() + " at data" + path(e), e);
        }
        OrderEventChecks.check(event);
        return event;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            path.append(reference.getPropertyName() != null ? "." + reference.getPropertyName() : "[" + reference.getIndex() + "]");
        }
        return path.toString();
    }

    private static String shortened(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }

    private static JsonMapper mapper() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new SimpleModule("plain-amounts").addSerializer(BigDecimal.class, new PlainAmount()))
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    /** {@code "3000"}, never {@code "3E+3"}: the string form of an amount is its plain decimal. */
    private static final class PlainAmount extends ValueSerializer<BigDecimal> {

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.toPlainString());
        }
    }
}
