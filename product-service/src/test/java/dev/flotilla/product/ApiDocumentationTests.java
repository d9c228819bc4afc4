package dev.flotilla.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI document: every operation says what it does, and the statuses only this service knows are listed. */
@ProductServiceTest
class ApiDocumentationTests {

    @Autowired
    MockMvc mvc;

    JsonNode paths;

    @BeforeEach
    void readDocument() throws Exception {
        paths = new ProductApi(mvc).read(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())).get("paths");
    }

    @Test
    void everyOperationHasASummary() {
        List<String> operations = new ArrayList<>();
        List<String> withoutSummary = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                JsonNode summary = operation.getValue().get("summary");
                if (summary == null || summary.asString().isBlank()) {
                    withoutSummary.add(name);
                }
            }
        }
        assertThat(operations).hasSizeGreaterThanOrEqualTo(13);
        assertThat(withoutSummary).isEmpty();
    }

    @Test
    void statusesOnlyThisServiceKnowsAreDocumented() {
        assertThat(responses("/api/products/{id}", "get")).contains("200", "304");
        assertThat(responses("/api/products/{id}", "put")).contains("200", "412", "428");
        assertThat(responses("/api/products", "post")).contains("201");
        assertThat(responses("/api/stock/reservations", "post")).contains("200", "201");
        assertThat(responses("/api/stock/reservations/{id}", "delete")).contains("204");
    }

    private List<String> responses(String path, String method) {
        return List.copyOf(paths.get(path).get(method).get("responses").propertyNames());
    }
}
