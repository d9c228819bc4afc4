package dev.flotilla.sweep;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.flotilla.sweep.Schemas.Bound;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values that fit a schema: type, format, enum, bounds, length and pattern. A value given for a
 * property or parameter name (or dotted path, {@code price.currency}) wins over generation. Every
 * call yields a fresh value where the schema allows, so that repeated creations do not collide on
 * unique fields.
 */
final class ValidValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    private final Schemas schemas;
    private final Map<String, JsonNode> given;
    private final Random random;
    private int serial;

    ValidValues(Schemas schemas, Map<String, JsonNode> given, Random random) {
        this.schemas = schemas;
        this.given = given;
        this.random = random;
    }

    /** A value for the (resolved or not) schema of the property or parameter at {@code path}. */
    JsonNode of(JsonNode schema, String path) {
        return of(schemas.resolve(schema), path, 0);
    }

    private JsonNode of(JsonNode schema, String path, int depth) {
        JsonNode value = given(path);
        if (value != null) {
            return value.deepCopy();
        }
        List<JsonNode> choices = Schemas.enumValues(schema);
        if (!choices.isEmpty()) {
            return choices.get(random.nextInt(choices.size())).deepCopy();
        }
        return switch (Schemas.type(schema)) {
            case "integer" -> NODES.numberNode(number(schema, true).longValueExact());
            case "number" -> NODES.numberNode(number(schema, false));
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> array(schema, path, depth);
            case "object" -> object(schema, path, depth);
            default -> NODES.stringNode(text(schema, leaf(path)));
        };
    }

    /** A value for a path, query or header parameter, as the text that goes on the wire. */
    String parameter(Operation.Parameter parameter) {
        JsonNode value = of(parameter.schema(), parameter.name());
        return value.isValueNode() ? value.asString() : value.toString();
    }

    private @Nullable JsonNode given(String path) {
        JsonNode value = given.get(path);
        if (value == null) {
            value = given.get(leaf(path));
        }
        return value;
    }

    private ObjectNode object(JsonNode schema, String path, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth >= MAX_DEPTH) {
            return object;
        }
        Schemas.properties(schema).forEach((name, property) -> {
            JsonNode resolved = schemas.resolve(property);
            if (!Schemas.readOnly(resolved)) {
                object.set(name, of(resolved, child(path, name), depth + 1));
            }
        });
        return object;
    }

    private ArrayNode array(JsonNode schema, String path, int depth) {
        ArrayNode array = NODES.arrayNode();
        Integer maxItems = Schemas.integer(schema, "maxItems");
        Integer minItems = Schemas.integer(schema, "minItems");
        int items = Math.max(1, minItems == null ? 1 : minItems);
        if (maxItems != null) {
            items = Math.min(items, maxItems);
        }
        JsonNode itemSchema = schemas.resolve(schema.path("items"));
        for (int i = 0; i < items && depth < MAX_DEPTH; i++) {
            array.add(of(itemSchema, path + "[]", depth + 1));
        }
        return array;
    }

    /** The lowest whole number in range that is at least 1 when the range allows, else its lower end. */
    static BigDecimal number(JsonNode schema, boolean integral) {
        Bound min = Schemas.bound(schema, "minimum");
        Bound max = Schemas.bound(schema, "maximum");
        BigDecimal low = min == null ? BigDecimal.ONE : min.exclusive() ? min.value().add(BigDecimal.ONE) : min.value();
        if (min != null && low.compareTo(BigDecimal.ONE) < 0 && (max == null || max.value().compareTo(BigDecimal.ONE) >= 0)) {
            low = BigDecimal.ONE;
        }
        if (max != null && low.compareTo(max.value()) > 0) {
            low = max.exclusive() ? max.value().subtract(BigDecimal.ONE) : max.value();
        }
        BigDecimal value = integral ? low.setScale(0, java.math.RoundingMode.CEILING) : low;
        return integral ? value : value.stripTrailingZeros();
    }

    private String text(JsonNode schema, String name) {
        int serialNumber = ++serial;
        Integer minLength = Schemas.integer(schema, "minLength");
        Integer maxLength = Schemas.integer(schema, "maxLength");
        int min = minLength == null ? 0 : minLength;
        int max = maxLength == null ? Integer.MAX_VALUE : maxLength;
        String pattern = Schemas.pattern(schema);
        if (pattern != null) {
            String sample = RegexSample.of(pattern, Math.max(min, 1), max, random).orElse(null);
            if (sample != null) {
                return sample;
            }
        }
        String text = switch (Schemas.format(schema)) {
            case "email" -> "sweep" + serialNumber + "-" + Integer.toHexString(random.nextInt()) + "@example.com";
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case "date-time" -> "2030-01-0" + (1 + serialNumber % 9) + "T10:00:00Z";
            case "date" -> "2030-01-0" + (1 + serialNumber % 9);
            case "uri", "url" -> "https://example.com/sweep/" + serialNumber;
            default -> plain(name, serialNumber);
        };
        return fit(text, min, max);
    }

    private String plain(String name, int serialNumber) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("email")) {
            return "sweep" + serialNumber + "-" + Integer.toHexString(random.nextInt()) + "@example.com";
        }
        if (lower.contains("password")) {
            return "Sweep-Passphrase-" + serialNumber + "-Tq" + Integer.toHexString(random.nextInt());
        }
        return "Sweep " + name + " " + serialNumber + Integer.toHexString(random.nextInt(0x10000));
    }

    private static String fit(String text, int min, int max) {
        StringBuilder fitted = new StringBuilder(text.length() > max ? text.substring(0, max) : text);
        while (fitted.length() < min) {
            fitted.append('x');
        }
        return fitted.toString();
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String leaf(String path) {
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        return leaf.endsWith("[]") ? leaf.substring(0, leaf.length() - 2) : leaf;
    }
}
