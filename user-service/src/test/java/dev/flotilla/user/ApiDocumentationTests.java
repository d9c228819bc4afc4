package dev.flotilla.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI document: a summary on every operation, and the answers a generic rule cannot know. */
@UserServiceTest
class ApiDocumentationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void everyOperationHasASummary() throws Exception {
        List<String> withoutSummary = new ArrayList<>();
        JsonNode paths = document().get("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode summary = operation.getValue().get("summary");
                if (summary == null || summary.asString().isBlank()) {
                    withoutSummary.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertThat(paths.size()).isGreaterThan(10);
        assertThat(withoutSummary).isEmpty();
    }

    @Test
    void rateLimitedOperationsDocument429WithRetryAfter() throws Exception {
        JsonNode paths = document().get("paths");
        for (JsonNode operation : List.of(paths.at("/~1api~1auth~1login/post"), paths.at("/~1api~1users/post"),
                paths.at("/~1api~1users~1me~1password/put"))) {
            assertThat(operation.at("/responses/429/headers/Retry-After").isMissingNode()).as(operation.toString()).isFalse();
        }
        assertThat(paths.at("/~1api~1auth~1login/post/responses/401/description").asString()).contains("wrong");
        assertThat(paths.at("/~1api~1auth~1login/post/responses/200").isMissingNode()).isFalse();
        assertThat(paths.at("/~1api~1auth~1login/post/responses/200/content").toString()).contains("TokenResponse");
        assertThat(paths.at("/~1api~1users/post/responses/201/content").toString()).contains("AccountView");
        assertThat(paths.at("/~1api~1users~1me~1password/put/responses/204").isMissingNode()).isFalse();
    }

    private JsonNode document() throws Exception {
        return new Api(mvc).read(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));
    }
}
