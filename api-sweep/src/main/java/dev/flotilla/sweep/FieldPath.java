package dev.flotilla.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a value sits in a JSON body: property names and array indexes ({@code lines[0].quantity}).
 *
 * @param steps {@link String} property names and {@link Integer} indexes
 */
record FieldPath(List<Object> steps) {

    static final FieldPath ROOT = new FieldPath(List.of());

    FieldPath child(Object step) {
        List<Object> longer = new ArrayList<>(steps);
        longer.add(step);
        return new FieldPath(List.copyOf(longer));
    }

    boolean isRoot() {
        return steps.isEmpty();
    }

    /** A copy of {@code body} with the value here replaced ({@code change} answers {@code null} to remove it), or {@code null} when absent. */
    @Nullable JsonNode apply(JsonNode body, UnaryOperator<@Nullable JsonNode> change) {
        if (isRoot()) {
            return change.apply(body.deepCopy());
        }
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
            if (parent == null) {
                return null;
            }
        }
        Object last = steps.getLast();
        if (last instanceof Integer index && parent instanceof ArrayNode array && index < array.size()) {
            JsonNode changed = change.apply(array.get(index));
            if (changed == null) {
                array.remove(index.intValue());
            } else {
                array.set(index, changed);
            }
            return copy;
        }
        if (last instanceof String name && parent instanceof ObjectNode object && object.has(name)) {
            JsonNode changed = change.apply(object.get(name));
            if (changed == null) {
                object.remove(name);
            } else {
                object.set(name, changed);
            }
            return copy;
        }
        return null;
    }

    @Override
    public String toString() {
        if (isRoot()) {
            return "(body)";
        }
        StringBuilder text = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(step);
            }
        }
        return text.toString();
    }
}
