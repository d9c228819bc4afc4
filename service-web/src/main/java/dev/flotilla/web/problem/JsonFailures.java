package dev.flotilla.web.problem;

import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Says in a sentence what is wrong with a body that could not be read. */
final class JsonFailures {

    private JsonFailures() {
    }

    static String describe(HttpMessageNotReadableException e) {
        UnrecognizedPropertyException unknown = cause(e, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return "unknown field '" + fieldPath(unknown) + "'";
        }
        if (cause(e, StreamConstraintsException.class) != null) {
            return "the body exceeds a limit on nesting, number or text length";
        }
        DatabindException binding = cause(e, DatabindException.class);
        if (binding != null && !binding.getPath().isEmpty()) {
            return "field '" + fieldPath(binding) + "' has a value of the wrong type or form";
        }
        if (binding != null) {
            return "the body does not have the expected form";
        }
        if (cause(e, JacksonException.class) != null) {
            return "the body is not well-formed JSON";
        }
        return "the request body is missing or unreadable";
    }

    static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(reference -> {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.isEmpty() ? "body" : path.toString();
    }

    static <T extends Throwable> @Nullable T cause(Throwable e, Class<T> type) {
        for (Throwable current = e; current != null; current = current.getCause() == current ? null : current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }
}
