package dev.flotilla.sweep;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that an OpenAPI document tells clients how each operation fails. Every operation has a
 * summary and documents {@code application/problem+json} responses whose schema refers to a
 * {@code ProblemDetail} schema: 400 where it takes parameters or a body, 401 where a security
 * requirement applies, 404 where it has path parameters, 413 and 415 where it takes a
 * body, 409 for POST, PUT, PATCH and DELETE, 503 everywhere. The document declares a bearer (JWT)
 * security scheme.
 *
 * <pre>{@code
 * assertThat(OpenApiContract.of(URI.create("http://127.0.0.1:" + port)).violations()).isEmpty();
 * }</pre>
 */
public final class OpenApiContract {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String DOCUMENT = "(document)";

    private final ApiDocument document;

    private OpenApiContract(ApiDocument document) {
        this.document = document;
    }

    /** The contract of the document served at {@code baseUrl + /v3/api-docs} (loopback only). */
    public static OpenApiContract of(URI baseUrl) {
        ApiSweep.requireLoopback(baseUrl);
        try (var http = ApiSweep.client(java.time.Duration.ofSeconds(10))) {
            return new OpenApiContract(ApiDocument.fetch(http, baseUrl, JsonMapper.builder().build()));
        }
    }

    /** The contract of a document already read. */
    public static OpenApiContract of(JsonNode document) {
        return new OpenApiContract(new ApiDocument(document));
    }

    /**
     * Something the document does not say.
     *
     * @param operation {@code "POST /api/things"}, or {@code "(document)"}
     * @param problem what is missing
     */
    public record Violation(String operation, String problem) {

        @Override
        public String toString() {
            return operation + ": " + problem;
        }
    }

    /** Every violation, by operation; empty when the document keeps the contract. */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (!hasBearerScheme()) {
            violations.add(new Violation(DOCUMENT, "no bearer (JWT) security scheme in components.securitySchemes"));
        }
        for (Operation operation : document.operations()) {
            if (operation.summary().isBlank()) {
                violations.add(new Violation(operation.key(), "no summary"));
            }
            for (String status : problemStatuses(operation)) {
                String missing = problemResponse(operation.responses().path(status));
                if (missing != null) {
                    violations.add(new Violation(operation.key(), status + " " + missing));
                }
            }
        }
        return violations;
    }

    static Set<String> problemStatuses(Operation operation) {
        Set<String> statuses = new LinkedHashSet<>();
        boolean takesInput = operation.body() != null || !operation.parameters().isEmpty();
        if (takesInput) {
            statuses.add("400");
        }
        if (operation.secured()) {
            // 403 only applies where a role is needed, which the document alone cannot tell.
            statuses.add("401");
        }
        if (!operation.parameters("path").isEmpty()) {
            statuses.add("404");
        }
        if (operation.changesState()) {
            statuses.add("409");
        }
        if (operation.body() != null) {
            statuses.add("413");
            statuses.add("415");
        }
        statuses.add("503");
        return statuses;
    }

    /** What is wrong with a documented problem response, or {@code null} when it is right. */
    private @Nullable String problemResponse(JsonNode declared) {
        if (declared.isMissingNode()) {
            return "not documented";
        }
        JsonNode response = document.schemas().resolve(declared);
        JsonNode content = response.path("content").path(PROBLEM_JSON);
        if (content.isMissingNode()) {
            return "has no " + PROBLEM_JSON + " content";
        }
        return refersToProblemDetail(content.path("schema")) ? null : "content does not refer to a ProblemDetail schema";
    }

    private boolean refersToProblemDetail(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (!ref.endsWith("/ProblemDetail") || !ref.startsWith("#")) {
            return false;
        }
        return !document.root().at(ref.substring(1)).isMissingNode();
    }

    private boolean hasBearerScheme() {
        for (JsonNode declared : document.root().path("components").path("securitySchemes")) {
            JsonNode scheme = document.schemas().resolve(declared);
            boolean bearer = scheme.path("type").asString("").equals("http")
                    && scheme.path("scheme").asString("").toLowerCase(Locale.ROOT).equals("bearer");
            String format = scheme.path("bearerFormat").asString("JWT");
            if (bearer && format.equalsIgnoreCase("JWT")) {
                return true;
            }
        }
        return false;
    }
}
