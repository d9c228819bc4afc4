package dev.flotilla.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP request exactly as it goes on the wire: the path and query already percent-encoded (so a
 * mutation can put {@code %00} or {@code %2F} there), headers in order, the body as bytes.
 *
 * @param method the method, also one no server knows
 * @param path the encoded path
 * @param query the encoded query without {@code ?}, or empty
 * @param headers header names and values
 * @param body the body, or {@code null} for none
 */
record Request(String method, String path, String query, Map<String, String> headers, byte @Nullable [] body) {

    Request {
        headers = Map.copyOf(headers);
    }

    String target() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    Request withMethod(String newMethod) {
        return new Request(newMethod, path, query, headers, body);
    }

    Request withPath(String newPath) {
        return new Request(method, newPath, query, headers, body);
    }

    Request withQuery(String newQuery) {
        return new Request(method, path, newQuery, headers, body);
    }

    /** With the header set, or removed when {@code value} is {@code null}. */
    Request withHeader(String name, @Nullable String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        if (value != null) {
            changed.put(name, value);
        }
        return new Request(method, path, query, changed, body);
    }

    Request withToken(@Nullable String token) {
        return withHeader("Authorization", token == null ? null : "Bearer " + token);
    }

    Request withBody(byte @Nullable [] newBody, @Nullable String contentType) {
        return new Request(method, path, query, headers, newBody).withHeader("Content-Type", contentType);
    }
}
