package dev.flotilla.sweep;

import dev.flotilla.sweep.OpenApiContract.Violation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiContractTests {

    static final String PROBLEM = """
            {"description": "problem", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}}}""";

    final JsonMapper json = JsonMapper.builder().build();

    /** A document that keeps the contract: a secured POST with a body and a public GET by id. */
    ObjectNode document() {
        return json.readTree("""
                {"openapi": "3.1.0",
                 "security": [{"bearer": []}],
                 "paths": {
                   "/api/things": {"post": {"summary": "Creates a thing",
                       "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
                       "responses": {"201": {"description": "created"}, "400": %1$s, "401": %1$s, "403": %1$s,
                                     "409": %1$s, "413": %1$s, "415": %1$s, "503": %1$s}}},
                   "/api/things/{id}": {"get": {"summary": "Reads a thing", "security": [],
                       "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                       "responses": {"200": {"description": "ok"}, "400": %1$s, "404": {"$ref": "#/components/responses/Problem"},
                                     "503": %1$s}}}},
                 "components": {
                   "responses": {"Problem": %1$s},
                   "schemas": {"ProblemDetail": {"type": "object"}},
                   "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}}}
                """.formatted(PROBLEM)).asObject();
    }

    @Test
    void aDocumentThatDocumentsEveryProblemHasNoViolations() {
        assertThat(OpenApiContract.of(document()).violations()).isEmpty();
    }

    @Test
    void namesEachMissingSummaryAndProblemResponseByOperation() {
        ObjectNode document = document();
        ObjectNode post = document.at("/paths/~1api~1things/post").asObject();
        post.remove("summary");
        post.get("responses").asObject().remove("413");
        post.get("responses").asObject().set("409", json.readTree("{\"description\": \"conflict\"}"));
        post.get("responses").asObject().set("415", json.readTree(PROBLEM.replace("ProblemDetail", "Error")));
        document.at("/paths/~1api~1things~1{id}/get/responses").asObject().remove("404");

        assertThat(OpenApiContract.of(document).violations()).containsExactly(
                new Violation("POST /api/things", "no summary"),
                new Violation("POST /api/things", "409 has no application/problem+json content"),
                new Violation("POST /api/things", "413 not documented"),
                new Violation("POST /api/things", "415 content does not refer to a ProblemDetail schema"),
                new Violation("GET /api/things/{id}", "404 not documented"));
    }

    @Test
    void securedOperationsNeed401AndTheDocumentABearerScheme() {
        ObjectNode document = document();
        document.at("/paths/~1api~1things~1{id}/get").asObject().remove("security");
        document.at("/components/securitySchemes/bearer").asObject().put("scheme", "basic");

        assertThat(OpenApiContract.of(document).violations()).extracting(Violation::toString).containsExactly(
                "(document): no bearer (JWT) security scheme in components.securitySchemes",
                "GET /api/things/{id}: 401 not documented");
    }

    @Test
    void problemStatusesFollowWhatTheOperationTakes() {
        ApiDocument document = new ApiDocument(document());
        assertThat(document.operations()).extracting(operation -> operation.key() + " " + OpenApiContract.problemStatuses(operation))
                .containsExactly("POST /api/things [400, 401, 409, 413, 415, 503]", "GET /api/things/{id} [400, 404, 503]");
    }
}
