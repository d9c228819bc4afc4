package dev.flotilla.sweep;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.flotilla.sweep.Operation.Parameter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Makes the valid requests of operations and encodes requests for the wire. */
final class Requests {

    /** Stands for a lone surrogate in a JSON value; written as the escape {@code \ud800}, which no encoder emits. */
    static final String LONE_SURROGATE = "\uE000lone-surrogate\uE000";
    static final String ACCEPT = "application/json, application/problem+json";

    private final Settings settings;
    private final ValidValues values;
    private final JsonMapper json;

    Requests(Settings settings, ValidValues values, JsonMapper json) {
        this.settings = settings;
        this.values = values;
        this.json = json;
    }

    /** A fresh valid request: supplied ids, bodies and headers where given, generated values elsewhere. */
    Base base(Operation operation) {
        Map<String, String> path = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters("path")) {
            String supplied = settings.pathValue(operation.path(), parameter.name());
            path.put(parameter.name(), supplied != null ? supplied : values.parameter(parameter));
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters("query")) {
            if (!Schemas.type(parameter.schema()).equals("object")) {
                query.put(parameter.name(), values.parameter(parameter));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters("header")) {
            Supplier<String> supplied = settings.header(operation.key(), parameter.name());
            if (supplied != null) {
                headers.put(parameter.name(), supplied.get());
            } else if (parameter.required()) {
                headers.put(parameter.name(), values.parameter(parameter));
            }
        }
        JsonNode body = body(operation);
        Request request = render(operation, path, query, headers, body == null ? null : bytes(body),
                contentType(operation)).withToken(settings.strongestToken());
        return new Base(path, query, headers, body, request);
    }

    private @Nullable JsonNode body(Operation operation) {
        Supplier<?> supplied = settings.body(operation.key());
        if (supplied != null) {
            Object body = supplied.get();
            return body instanceof String text ? json.readTree(text) : json.valueToTree(body);
        }
        return operation.body() == null ? null : values.of(operation.body().schema(), "");
    }

    static @Nullable String contentType(Operation operation) {
        return operation.body() == null ? null : operation.body().mediaTypes().getFirst();
    }

    /** The request with these (decoded) values, without a token. */
    Request render(Operation operation, Map<String, String> path, Map<String, String> query, Map<String, String> headers,
            byte @Nullable [] body, @Nullable String contentType) {
        String target = operation.path();
        for (Map.Entry<String, String> value : path.entrySet()) {
            target = target.replace("{" + value.getKey() + "}", encode(value.getValue()));
        }
        StringBuilder encodedQuery = new StringBuilder();
        query.forEach((name, value) -> encodedQuery.append(encodedQuery.isEmpty() ? "" : "&").append(encode(name))
                .append('=').append(encode(value)));
        Map<String, String> allHeaders = new LinkedHashMap<>();
        allHeaders.put("Accept", ACCEPT);
        allHeaders.putAll(headers);
        return new Request(operation.method(), target, encodedQuery.toString(), allHeaders, null).withBody(body,
                body == null && contentType == null ? null : contentType);
    }

    /** The base request with changed path or query values (decoded), everything else kept. */
    Request withValues(Operation operation, Base base, Map<String, String> path, Map<String, String> query) {
        Request changed = render(operation, path, query, base.headers(), null, null);
        return base.request().withPath(changed.path()).withQuery(changed.query());
    }

    /** UTF-8 JSON, with {@link #LONE_SURROGATE} written as the escape of a lone surrogate. */
    byte[] bytes(JsonNode body) {
        return json.writeValueAsString(body).replace(LONE_SURROGATE, "\\ud800").getBytes(StandardCharsets.UTF_8);
    }

    /** Percent-encodes all but unreserved characters; a lone surrogate becomes its (invalid) three UTF-8 bytes. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                appendBytes(out, value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                appendBytes(out, new byte[] {(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))});
            } else {
                appendBytes(out, String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    private static void appendBytes(StringBuilder out, byte[] bytes) {
        for (byte b : bytes) {
            out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
    }
}
