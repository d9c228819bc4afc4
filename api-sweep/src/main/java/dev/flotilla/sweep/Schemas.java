package dev.flotilla.sweep;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads JSON Schema as OpenAPI 3.0 and 3.1 write it: follows local {@code $ref}s, merges
 * {@code allOf}, takes the first alternative of {@code oneOf}/{@code anyOf}, and answers the few
 * questions value generation and mutation ask (type, bounds, enum, pattern).
 */
final class Schemas {

    private static final int MAX_REF_DEPTH = 20;

    private final JsonNode document;

    Schemas(JsonNode document) {
        this.document = document;
    }

    /** The schema itself, without references or compositions; a missing node for nothing usable. */
    JsonNode resolve(@Nullable JsonNode schema) {
        return resolve(schema, 0);
    }

    private JsonNode resolve(@Nullable JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || schema.isNull() || depth > MAX_REF_DEPTH) {
            return MissingNode.getInstance();
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return ref.startsWith("#") ? resolve(document.at(ref.substring(1)), depth + 1) : MissingNode.getInstance();
        }
        if (schema.has("allOf")) {
            return merged(schema, depth);
        }
        for (String alternatives : List.of("oneOf", "anyOf")) {
            if (schema.has(alternatives)) {
                for (JsonNode alternative : schema.get(alternatives)) {
                    JsonNode resolved = resolve(alternative, depth + 1);
                    if (!type(resolved).equals("null")) {
                        return resolved;
                    }
                }
            }
        }
        return schema;
    }

    private JsonNode merged(JsonNode schema, int depth) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        ObjectNode properties = merged.putObject("properties");
        Set<String> required = new LinkedHashSet<>();
        List<JsonNode> parts = new java.util.ArrayList<>();
        schema.get("allOf").forEach(parts::add);
        ObjectNode self = schema.deepCopy().asObject();
        self.remove("allOf");
        parts.add(self);
        for (JsonNode part : parts) {
            JsonNode resolved = resolve(part, depth + 1);
            resolved.forEachEntry((name, value) -> {
                if (!name.equals("properties") && !name.equals("required")) {
                    merged.set(name, value);
                }
            });
            resolved.path("properties").forEachEntry(properties::set);
            required.addAll(required(resolved));
        }
        required.forEach(merged.putArray("required")::add);
        return merged;
    }

    /** {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array}, {@code object} or {@code ""}. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (!option.asString().equals("null")) {
                    return option.asString();
                }
            }
            return "null";
        }
        if (type.isString()) {
            return type.asString();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        return schema.has("items") ? "array" : schema.has("enum") ? "string" : "";
    }

    /** The declared properties in order, their schemas not yet resolved. */
    static Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties").forEachEntry(properties::put);
        return properties;
    }

    static Set<String> required(JsonNode schema) {
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        return required;
    }

    static List<JsonNode> enumValues(JsonNode schema) {
        return schema.path("enum").valueStream().filter(value -> !value.isNull()).toList();
    }

    static String format(JsonNode schema) {
        return schema.path("format").asString("");
    }

    static @Nullable String pattern(JsonNode schema) {
        return schema.hasNonNull("pattern") ? schema.get("pattern").asString() : null;
    }

    static @Nullable Integer integer(JsonNode schema, String keyword) {
        return schema.path(keyword).isNumber() ? schema.get(keyword).asInt() : null;
    }

    /** A bound of a number: {@code minimum} or {@code maximum}, with 3.0's boolean and 3.1's numeric exclusivity. */
    static @Nullable Bound bound(JsonNode schema, String keyword) {
        String exclusive = "exclusive" + Character.toUpperCase(keyword.charAt(0)) + keyword.substring(1);
        if (schema.path(exclusive).isNumber()) {
            return new Bound(schema.get(exclusive).decimalValue(), true);
        }
        if (schema.path(keyword).isNumber()) {
            return new Bound(schema.get(keyword).decimalValue(), schema.path(exclusive).asBoolean(false));
        }
        return null;
    }

    static boolean readOnly(JsonNode schema) {
        return schema.path("readOnly").asBoolean(false);
    }

    /** A text field that a person types: a string without enum, format or binary content. */
    static boolean freeText(JsonNode schema) {
        return type(schema).equals("string") && enumValues(schema).isEmpty() && format(schema).isEmpty();
    }

    /**
     * A bound of a number.
     *
     * @param value the bound
     * @param exclusive whether the bound itself is outside the range
     */
    record Bound(BigDecimal value, boolean exclusive) {
    }
}
