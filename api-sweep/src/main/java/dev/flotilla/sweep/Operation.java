package dev.flotilla.sweep;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One operation of the OpenAPI document, its parameters and body schema already resolved.
 *
 * @param method upper-case HTTP method
 * @param path the path template, {@code /api/things/{id}}
 * @param summary the documented summary, possibly blank
 * @param parameters path, query and header parameters
 * @param body the JSON request body, or {@code null} when the operation takes none
 * @param secured whether a security requirement applies (declared, not observed)
 * @param responses the {@code responses} object as documented
 */
record Operation(String method, String path, String summary, List<Parameter> parameters, @Nullable Body body,
        boolean secured, JsonNode responses) {

    /** {@code "POST /api/things"}: how settings, findings and violations name an operation. */
    String key() {
        return method + " " + path;
    }

    List<Parameter> parameters(String in) {
        return parameters.stream().filter(parameter -> parameter.in().equals(in)).toList();
    }

    boolean changesState() {
        return switch (method) {
            case "POST", "PUT", "PATCH", "DELETE" -> true;
            default -> false;
        };
    }

    /**
     * A parameter.
     *
     * @param name its name
     * @param in {@code path}, {@code query}, {@code header} or {@code cookie}
     * @param required whether it must be sent
     * @param schema its resolved schema
     */
    record Parameter(String name, String in, boolean required, JsonNode schema) {

        Parameter {
            in = in.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A request body.
     *
     * @param mediaTypes the documented content types, {@code application/json} first when present
     * @param schema the resolved schema of the JSON content
     * @param required whether a body must be sent
     */
    record Body(List<String> mediaTypes, JsonNode schema, boolean required) {
    }
}
