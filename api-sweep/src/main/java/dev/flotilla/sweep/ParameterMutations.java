package dev.flotilla.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.flotilla.sweep.Operation.Parameter;
import dev.flotilla.sweep.Schemas.Bound;
import dev.flotilla.sweep.TextInputs.Text;

/**
 * Changes to path and query parameters: malformed and unknown ids, wrong types, fractions, values
 * out of range, unknown enum constants, hostile text.
 */
final class ParameterMutations {

    private final Operation operation;
    private final Requests requests;
    private final List<Probe> probes = new ArrayList<>();

    ParameterMutations(Operation operation, Requests requests) {
        this.operation = operation;
        this.requests = requests;
    }

    List<Probe> probes(Base sample) {
        for (Parameter parameter : operation.parameters("path")) {
            String valid = sample.pathValues().get(parameter.name());
            if (valid != null) {
                path(parameter, valid);
            }
        }
        for (Parameter parameter : operation.parameters("query")) {
            String valid = sample.query().get(parameter.name());
            if (valid != null) {
                query(parameter, valid);
            }
        }
        return probes;
    }

    private void path(Parameter parameter, String valid) {
        String type = Schemas.type(parameter.schema());
        if (type.equals("integer") || type.equals("number")) {
            numbers(parameter, "path");
            return;
        }
        String name = parameter.name();
        pathValue(Mutation.MALFORMED_ID, name + " + %20", name, valid + " ");
        pathValue(Mutation.MALFORMED_ID, name + " + %00", name, valid + "\u0000");
        String upper = valid.toUpperCase(Locale.ROOT);
        if (!upper.equals(valid)) {
            pathValue(Mutation.ID_CASE, name + " in upper case", name, upper);
        }
        pathValue(Mutation.MALFORMED_ID, name + " one character longer", name, valid + valid.charAt(valid.length() - 1));
        if (valid.length() > 1) {
            pathValue(Mutation.MALFORMED_ID, name + " one character shorter", name, valid.substring(0, valid.length() - 1));
        }
        pathValue(Mutation.UNKNOWN_ID, name + " of the same shape", name, unknownLike(valid));
        pathValue(Mutation.UNKNOWN_ID, name + " as SQL injection", name, "' OR 1=1--");
        pathValue(Mutation.CONTROL_TEXT, name + " with a lone surrogate", name, valid + "\ud800");
    }

    private void pathValue(Mutation mutation, String detail, String name, String value) {
        probes.add(Probe.of(mutation, "path " + detail, base -> {
            Map<String, String> path = new LinkedHashMap<>(base.pathValues());
            path.put(name, value);
            return requests.withValues(operation, base, path, base.query());
        }));
    }

    private void query(Parameter parameter, String valid) {
        String name = parameter.name();
        List<String> constants = Schemas.enumValues(parameter.schema()).stream().map(node -> node.asString()).toList();
        switch (Schemas.type(parameter.schema())) {
            case "integer", "number" -> numbers(parameter, "query");
            case "boolean" -> {
                queryValue(Mutation.WRONG_TYPE, name + " = maybe", name, "maybe");
                queryValue(Mutation.WRONG_TYPE, name + " = 2", name, "2");
            }
            case "string" -> {
                if (!constants.isEmpty()) {
                    queryValue(Mutation.UNKNOWN_ENUM, name + " = SWEEP_UNKNOWN", name, "SWEEP_UNKNOWN");
                    return;
                }
                Integer maxLength = Schemas.integer(parameter.schema(), "maxLength");
                if (maxLength != null) {
                    queryValue(Mutation.TOO_LONG, name + " of " + (maxLength + 1) + " characters", name,
                            TextInputs.longText(valid, maxLength + 1));
                }
                TextInputs.controls(valid).stream().filter(text -> !text.value().contains(Requests.LONE_SURROGATE))
                        .forEach(text -> queryText(Mutation.CONTROL_TEXT, name, text));
                queryText(Mutation.CONTROL_TEXT, name, new Text("lone surrogate", valid + "\ud800"));
                TextInputs.injections().forEach(text -> queryText(Mutation.INJECTION, name, text));
                TextInputs.unicode().forEach(text -> queryText(Mutation.UNICODE_TEXT, name, text));
            }
            default -> {
            }
        }
    }

    private void numbers(Parameter parameter, String in) {
        String name = parameter.name();
        List<Wrong> wrong = new ArrayList<>();
        wrong.add(new Wrong(Mutation.WRONG_TYPE, "abc"));
        if (Schemas.type(parameter.schema()).equals("integer")) {
            wrong.add(new Wrong(Mutation.FRACTION_FOR_INTEGER, "1.5"));
        }
        Bound min = Schemas.bound(parameter.schema(), "minimum");
        Bound max = Schemas.bound(parameter.schema(), "maximum");
        if (min != null) {
            wrong.add(new Wrong(Mutation.OUT_OF_RANGE, (min.exclusive() ? min.value() : min.value().subtract(BigDecimal.ONE))
                    .toPlainString()));
        }
        if (max != null) {
            wrong.add(new Wrong(Mutation.OUT_OF_RANGE, (max.exclusive() ? max.value() : max.value().add(BigDecimal.ONE))
                    .toPlainString()));
        }
        for (Wrong value : wrong) {
            if (in.equals("path")) {
                pathValue(value.mutation(), name + " = " + value.text(), name, value.text());
            } else {
                queryValue(value.mutation(), name + " = " + value.text(), name, value.text());
            }
        }
    }

    private record Wrong(Mutation mutation, String text) {
    }

    private void queryText(Mutation mutation, String name, Text text) {
        queryValue(mutation, name + ": " + text.label(), name, text.value());
    }

    private void queryValue(Mutation mutation, String detail, String name, String value) {
        probes.add(Probe.of(mutation, "query " + detail, base -> {
            Map<String, String> query = new LinkedHashMap<>(base.query());
            query.put(name, value);
            return requests.withValues(operation, base, base.pathValues(), query);
        }));
    }

    /** The same length and character kinds, different characters: hex stays hex, digits digits, letters letters. */
    static String unknownLike(String valid) {
        StringBuilder unknown = new StringBuilder();
        boolean hex = valid.length() >= 8 && valid.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '-');
        for (int i = 0; i < valid.length(); i++) {
            char c = valid.charAt(i);
            if (Character.isDigit(c)) {
                unknown.append(hex ? 'f' : '9');
            } else if (Character.isLetter(c)) {
                char replacement = hex ? 'e' : (i % 2 == 0 ? 'X' : 'Q');
                unknown.append(Character.isUpperCase(c) ? Character.toUpperCase(replacement) : Character.toLowerCase(replacement));
            } else {
                unknown.append(c);
            }
        }
        String result = unknown.toString();
        return result.equals(valid) ? valid.replaceAll(".$", "0") : result;
    }
}
