package dev.flotilla.sweep;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.flotilla.sweep.Schemas.Bound;
import dev.flotilla.sweep.TextInputs.Text;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Changes to the JSON body of an operation: per field (walking nested objects and the first item
 * of arrays) missing, wrong types, fractions, enum tricks, lengths, ranges and hostile text; per
 * body not JSON, empty, oversized and of the wrong content type.
 */
final class BodyMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 5;

    private final Operation operation;
    private final Schemas schemas;
    private final Requests requests;
    private final int oversizedBytes;
    private final List<Probe> probes = new ArrayList<>();

    BodyMutations(Operation operation, Schemas schemas, Requests requests, int oversizedBytes) {
        this.operation = operation;
        this.schemas = schemas;
        this.requests = requests;
        this.oversizedBytes = oversizedBytes;
    }

    /** The probes for the body of {@code sample}, a valid request of the operation. */
    List<Probe> probes(Base sample) {
        if (operation.body() == null || sample.body() == null) {
            return List.of();
        }
        wholeBody();
        JsonNode schema = operation.body().schema();
        if (Schemas.type(schema).equals("object") && sample.body().isObject()) {
            wrongTypes(FieldPath.ROOT, "object", sample.body());
        }
        walk(FieldPath.ROOT, schema, sample.body(), 0);
        return probes;
    }

    private void wholeBody() {
        String type = Requests.contentType(operation);
        raw(Mutation.NOT_JSON, "truncated JSON", base -> Arrays.copyOf(body(base), Math.max(1, body(base).length / 2)), type);
        raw(Mutation.NOT_JSON, "plain words", base -> "not json at all".getBytes(StandardCharsets.UTF_8), type);
        probes.add(Probe.of(Mutation.EMPTY_BODY, "no body", base -> base.request().withBody(null, type)));
        raw(Mutation.OVERSIZED_BODY, oversizedBytes + " bytes", this::oversized, type);
        for (String wrong : List.of("*/*", "text/plain", "application/xml")) {
            if (!operation.body().mediaTypes().contains(wrong)) {
                raw(Mutation.WRONG_CONTENT_TYPE, wrong, this::body, wrong);
            }
        }
    }

    private byte[] oversized(Base base) {
        byte[] valid = body(base);
        byte[] padded = new byte[Math.max(oversizedBytes, valid.length + 1)];
        System.arraycopy(valid, 0, padded, 0, valid.length);
        Arrays.fill(padded, valid.length, padded.length, (byte) ' ');
        return padded;
    }

    private byte[] body(Base base) {
        return requests.bytes(base.body());
    }

    private void raw(Mutation mutation, String detail, java.util.function.Function<Base, byte[]> body, @Nullable String type) {
        probes.add(Probe.of(mutation, detail, base -> base.request().withBody(body.apply(base), type)));
    }

    private void walk(FieldPath path, JsonNode schema, JsonNode sample, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (Schemas.type(schema).equals("object") && sample.isObject()) {
            Set<String> required = Schemas.required(schema);
            Schemas.properties(schema).forEach((name, property) -> {
                FieldPath child = path.child(name);
                if (required.contains(name)) {
                    change(Mutation.MISSING_FIELD, child + " left out", child, value -> null);
                    change(Mutation.MISSING_FIELD, child + " null", child, value -> NODES.nullNode());
                }
                if (sample.has(name) && !sample.get(name).isNull()) {
                    field(child, schemas.resolve(property), sample.get(name), required.contains(name), depth);
                }
            });
        } else if (Schemas.type(schema).equals("array") && sample.isArray() && !sample.isEmpty()) {
            field(path.child(0), schemas.resolve(schema.path("items")), sample.get(0), true, depth);
        }
    }

    private void field(FieldPath path, JsonNode schema, JsonNode valid, boolean required, int depth) {
        String type = Schemas.type(schema);
        wrongTypes(path, type, valid);
        switch (type) {
            case "integer" -> {
                change(Mutation.FRACTION_FOR_INTEGER, path + " = 1.5", path, value -> NODES.numberNode(new BigDecimal("1.5")));
                ranges(path, schema);
            }
            case "number" -> ranges(path, schema);
            case "string" -> text(path, schema, valid.asString(), required);
            case "array" -> items(path, schema, valid);
            default -> {
            }
        }
        walk(path, schema, valid, depth + 1);
    }

    private void wrongTypes(FieldPath path, String type, JsonNode valid) {
        List<JsonNode> wrong = switch (type) {
            case "string" -> List.of(NODES.numberNode(12345), NODES.booleanNode(true),
                    NODES.objectNode().put("$gt", ""), NODES.arrayNode().add(valid.deepCopy()));
            case "integer" -> List.of(NODES.stringNode(valid.asString()), NODES.booleanNode(true),
                    NODES.objectNode(), NODES.arrayNode().add(valid.deepCopy()));
            case "number" -> List.of(NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode().add(valid.deepCopy()));
            case "boolean" -> List.of(NODES.stringNode(valid.asString()), NODES.numberNode(1), NODES.objectNode(),
                    NODES.arrayNode());
            case "array" -> List.of(NODES.objectNode(), NODES.stringNode("x"), NODES.numberNode(1));
            case "object" -> List.of(NODES.arrayNode().add(valid.deepCopy()), NODES.stringNode("x"), NODES.numberNode(1));
            default -> List.of();
        };
        if (type.equals("number")) {
            // An exact decimal (money) may be sent as a string so that no client rounds it through a double.
            change(Mutation.DECIMAL_AS_STRING, path + " = \"" + valid.asString() + "\" for number", path,
                    current -> NODES.stringNode(valid.asString()));
        }
        for (JsonNode value : wrong) {
            change(Mutation.WRONG_TYPE, path + " = " + ApiDocument.excerpt(value.toString()) + " for " + type, path,
                    current -> value.deepCopy());
        }
    }

    private void ranges(FieldPath path, JsonNode schema) {
        Bound min = Schemas.bound(schema, "minimum");
        Bound max = Schemas.bound(schema, "maximum");
        if (min != null) {
            BigDecimal below = min.exclusive() ? min.value() : min.value().subtract(BigDecimal.ONE);
            change(Mutation.OUT_OF_RANGE, path + " = " + below.toPlainString(), path, value -> NODES.numberNode(below));
        }
        if (max != null) {
            BigDecimal above = max.exclusive() ? max.value() : max.value().add(BigDecimal.ONE);
            change(Mutation.OUT_OF_RANGE, path + " = " + above.toPlainString(), path, value -> NODES.numberNode(above));
        }
    }

    private void items(FieldPath path, JsonNode schema, JsonNode valid) {
        Integer minItems = Schemas.integer(schema, "minItems");
        Integer maxItems = Schemas.integer(schema, "maxItems");
        if (minItems != null && minItems > 0) {
            change(Mutation.OUT_OF_RANGE, path + " with no items", path, value -> NODES.arrayNode());
        }
        // A set of a few distinct values cannot be made longer than maxItems without repeats, which collapse.
        boolean unique = schema.path("uniqueItems").asBoolean(false);
        if (maxItems != null && !valid.isEmpty() && maxItems < 10_000 && !unique) {
            change(Mutation.OUT_OF_RANGE, path + " with " + (maxItems + 1) + " items", path, value -> {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i <= maxItems; i++) {
                    many.add(value.get(i % value.size()).deepCopy());
                }
                return many;
            });
        }
    }

    private void text(FieldPath path, JsonNode schema, String valid, boolean required) {
        List<JsonNode> constants = Schemas.enumValues(schema);
        if (!constants.isEmpty()) {
            String name = constants.getFirst().asString();
            change(Mutation.NUMBER_FOR_ENUM, path + " = 1", path, value -> NODES.numberNode(1));
            for (String padded : List.of(" " + name + " ", name + " ", name + "\u0000")) {
                change(Mutation.PADDED_ENUM, path + " = " + ApiDocument.excerpt(NODES.stringNode(padded).toString()), path,
                        value -> NODES.stringNode(padded));
            }
            return;
        }
        Integer maxLength = Schemas.integer(schema, "maxLength");
        if (maxLength != null) {
            String tooLong = TextInputs.longText(valid, maxLength + 1);
            change(Mutation.TOO_LONG, path + " of " + (maxLength + 1) + " characters", path, value -> NODES.stringNode(tooLong));
        }
        for (Text text : TextInputs.controls(valid)) {
            textChange(Mutation.CONTROL_TEXT, path, text);
        }
        if (required && Schemas.format(schema).isEmpty()) {
            TextInputs.blanks().forEach(text -> textChange(Mutation.BLANK_TEXT, path, text));
        }
        TextInputs.injections().forEach(text -> textChange(Mutation.INJECTION, path, text));
        TextInputs.unicode().forEach(text -> textChange(Mutation.UNICODE_TEXT, path, text));
        textChange(Mutation.LONG_TEXT, path, new Text("longest legal", TextInputs.longText(valid, maxLength)));
    }

    private void textChange(Mutation mutation, FieldPath path, Text text) {
        change(mutation, path + ": " + text.label(), path, value -> NODES.stringNode(text.value()));
    }

    private void change(Mutation mutation, String detail, FieldPath path, UnaryOperator<@Nullable JsonNode> change) {
        String type = Requests.contentType(operation);
        probes.add(Probe.of(mutation, detail, base -> {
            JsonNode changed = base.body() == null ? null : path.apply(base.body(), change);
            return changed == null ? null : base.request().withBody(requests.bytes(changed), type);
        }));
    }
}
