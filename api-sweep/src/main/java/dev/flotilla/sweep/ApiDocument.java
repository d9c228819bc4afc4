package dev.flotilla.sweep;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.flotilla.sweep.Operation.Body;
import dev.flotilla.sweep.Operation.Parameter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An OpenAPI 3 document read as a tree: its operations, and the schemas they refer to. */
final class ApiDocument {

    static final String PATH = "/v3/api-docs";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonNode root;
    private final Schemas schemas;

    ApiDocument(JsonNode root) {
        if (!root.path("openapi").asString("").startsWith("3")) {
            throw new IllegalArgumentException("not an OpenAPI 3 document: " + excerpt(root.toString()));
        }
        this.root = root;
        this.schemas = new Schemas(root);
    }

    /** Reads {@value #PATH} of the service at {@code baseUrl}. */
    static ApiDocument fetch(HttpClient http, URI baseUrl, JsonMapper json) {
        URI uri = URI.create(trimmed(baseUrl) + PATH);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                        + excerpt(response.body()));
            }
            return new ApiDocument(json.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document at " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + uri, e);
        }
    }

    static String trimmed(URI baseUrl) {
        String base = baseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    JsonNode root() {
        return root;
    }

    Schemas schemas() {
        return schemas;
    }

    /** Every operation, by path and then method, so that a sweep visits them in a stable order. */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").forEachEntry((path, item) -> {
            for (String method : METHODS) {
                if (item.has(method)) {
                    operations.add(operation(path, method, item, item.get(method)));
                }
            }
        });
        operations.sort(Comparator.comparing(Operation::path).thenComparing(operation -> METHODS.indexOf(
                operation.method().toLowerCase(Locale.ROOT))));
        return operations;
    }

    /** The methods documented for a path template. */
    List<String> methods(String path) {
        JsonNode item = root.path("paths").path(path);
        return METHODS.stream().filter(item::has).map(method -> method.toUpperCase(Locale.ROOT)).toList();
    }

    private Operation operation(String path, String method, JsonNode item, JsonNode operation) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (JsonNode source : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (JsonNode declared : source) {
                JsonNode parameter = schemas.resolve(declared);
                String name = parameter.path("name").asString();
                String in = parameter.path("in").asString();
                parameters.put(in + ":" + name, new Parameter(name, in,
                        parameter.path("required").asBoolean(in.equals("path")), schemas.resolve(parameter.path("schema"))));
            }
        }
        return new Operation(method.toUpperCase(Locale.ROOT), path, operation.path("summary").asString(""),
                List.copyOf(parameters.values()), body(operation), secured(operation), operation.path("responses"));
    }

    private @Nullable Body body(JsonNode operation) {
        JsonNode body = schemas.resolve(operation.path("requestBody"));
        if (body.isMissingNode()) {
            return null;
        }
        List<String> mediaTypes = new ArrayList<>(body.path("content").propertyNames());
        mediaTypes.sort(Comparator.comparing(type -> type.equals("application/json") ? 0 : type.contains("json") ? 1 : 2));
        if (mediaTypes.isEmpty()) {
            return null;
        }
        JsonNode schema = body.path("content").path(mediaTypes.getFirst()).path("schema");
        return new Body(List.copyOf(mediaTypes), schemas.resolve(schema), body.path("required").asBoolean(false));
    }

    /** Whether a non-empty security requirement applies: the operation's own, else the document's. */
    private boolean secured(JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.get("security") : root.path("security");
        if (!security.isArray() || security.isEmpty()) {
            return false;
        }
        return security.valueStream().noneMatch(JsonNode::isEmpty);
    }

    static String excerpt(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
