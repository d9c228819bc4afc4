package dev.flotilla.order.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reading and checking the context attributes of a CloudEvent in structured JSON mode. */
final class Attributes {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final int MAX_TRACESTATE = 512;

    private Attributes() {
    }

    static void checkDataContentType(JsonNode root) {
        String contentType = optionalString(root, "datacontenttype");
        if (contentType != null && !OrderEventCodec.DATA_CONTENT_TYPE.equals(contentType)) {
            throw new MalformedOrderEventException("datacontenttype must be " + OrderEventCodec.DATA_CONTENT_TYPE);
        }
    }

    static String requiredString(JsonNode root, String name) {
        String value = optionalString(root, name);
        if (value == null || value.isEmpty()) {
            throw new MalformedOrderEventException(name + " is required");
        }
        return value;
    }

    static @Nullable String optionalString(JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new MalformedOrderEventException(name + " must be a string");
        }
        return value.stringValue();
    }

    static UUID uuid(String value, String name) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedOrderEventException(name + " must be a UUID");
        }
    }

    static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedOrderEventException("time must be an RFC 3339 timestamp in UTC");
        }
    }

    /** W3C Trace Context: a traceparent that does not parse is ignored, and its tracestate with it. */
    static @Nullable String traceparent(@Nullable String value) {
        return value != null && TRACEPARENT.matcher(value).matches() && !value.startsWith("ff") ? value : null;
    }

    static @Nullable String tracestate(@Nullable String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_TRACESTATE ? value : null;
    }

}
