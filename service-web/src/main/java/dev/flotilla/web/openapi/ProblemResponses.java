package dev.flotilla.web.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Documents on every operation the problem+json answers the web edge gives, so that a client knows
 * them from the document alone: 400 where it takes parameters or a body, 401 and 403 where it needs a
 * token (decided by the security rules themselves, see {@link AccessRules}), 404 where its path names
 * a resource, 409 where it changes state, 413 and 415 where it takes a body, 503 everywhere (a store
 * is down). An answer the operation documents itself is left as it is.
 */
public class ProblemResponses implements GlobalOpenApiCustomizer {

    static final String SCHEMA = "ProblemDetail";
    static final String PROBLEM_JSON = "application/problem+json";

    private final AccessRules access;

    public ProblemResponses(AccessRules access) {
        this.access = access;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.schemaRequirement(AccessRules.SCHEME, AccessRules.bearerScheme());
        openApi.getComponents().addSchemas(SCHEMA, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                document(path, item, method, operation)));
    }

    private void document(String path, PathItem item, HttpMethod method, Operation operation) {
        AccessRules.Access needs = access.of(method.name(), path);
        List<Parameter> parameters = parameters(item, operation);
        boolean body = operation.getRequestBody() != null;
        Map<String, String> answers = new LinkedHashMap<>();
        if (body || !parameters.isEmpty()) {
            answers.put("400", "The request is malformed or has invalid fields (listed in errors)");
        }
        if (needs != AccessRules.Access.PUBLIC) {
            operation.addSecurityItem(AccessRules.requirement());
            answers.put("401", "No access token, or an invalid or expired one");
        }
        if (needs == AccessRules.Access.ROLE) {
            answers.put("403", "The access token lacks the role this operation needs");
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            answers.put("404", "No resource with this id");
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS) {
            answers.put("409", "The request conflicts with the current state of the resource");
        }
        if (body) {
            answers.put("413", "The request body is larger than the service accepts");
            answers.put("415", "The Content-Type is not one the operation reads");
        }
        answers.put("503", "A store of the service is unavailable; nothing was changed, retry after Retry-After");
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        answers.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, problem(description));
            }
        });
        operation.setResponses(responses);
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> all = new java.util.ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        return all;
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        ObjectSchema field = new ObjectSchema();
        field.addProperty("field", new StringSchema());
        field.addProperty("message", new StringSchema());
        Schema schema = new ObjectSchema().description("An RFC 9457 problem");
        schema.addProperty("type", new StringSchema().format("uri").example("about:blank"));
        schema.addProperty("title", new StringSchema());
        schema.addProperty("status", new IntegerSchema().format("int32"));
        schema.addProperty("detail", new StringSchema());
        schema.addProperty("instance", new StringSchema().format("uri-reference"));
        schema.addProperty("traceId", new StringSchema().description("W3C trace id of the request"));
        schema.addProperty("errors", new ArraySchema().items(field).description("invalid fields, for 400"));
        return schema;
    }
}
