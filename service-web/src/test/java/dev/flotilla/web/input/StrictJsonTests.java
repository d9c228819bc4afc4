package dev.flotilla.web.input;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTests {

    enum Role { ADMIN, CUSTOMER }

    record Line(String name, int quantity, long total, double weight, boolean gift, Role role, List<Role> roles,
            Map<String, Object> attributes) {
    }

    private final JsonMapper json = mapper();

    private static JsonMapper mapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJson().customize(builder);
        return builder.build();
    }

    @Test
    void bindsWellFormedInput() {
        Line line = read("""
                {"name": "Zoe\\u0308", "quantity": 2, "total": 3, "weight": 1.5, "gift": true, "role": "ADMIN",
                 "roles": ["CUSTOMER"], "attributes": {"colour": "red", "sizes": ["S", "M"], "n": 1}}""");
        assertThat(line.name()).isEqualTo("Zo\u00eb");
        assertThat(line.quantity()).isEqualTo(2);
        assertThat(line.weight()).isEqualTo(1.5);
        assertThat(line.attributes()).containsEntry("colour", "red").containsEntry("sizes", List.of("S", "M"));
    }

    @Test
    void neverTruncatesAFractionIntoAnInteger() {
        assertRefused("{\"quantity\": 1.5}");
        assertRefused("{\"total\": 2.0e0}");
    }

    @Test
    void neverReadsANumberAsAnEnumConstant() {
        assertRefused("{\"roles\": [1]}");
        assertRefused("{\"role\": 0}");
    }

    @Test
    void enumConstantsMustBeSpelledExactly() {
        assertRefused("{\"role\": \" ADMIN\"}");
        assertRefused("{\"role\": \"ADMIN\\u0000\"}");
        assertRefused("{\"roles\": [\"ADMIN \"]}");
        assertRefused("{\"role\": \"admin\"}");
    }

    @Test
    void neverCoercesBetweenStringsNumbersAndBooleans() {
        assertRefused("{\"quantity\": \"5\"}");
        assertRefused("{\"name\": 5}");
        assertRefused("{\"name\": true}");
        assertRefused("{\"gift\": \"true\"}");
        assertRefused("{\"gift\": 1}");
        assertRefused("{\"weight\": \"1.5\"}");
    }

    @Test
    void refusesNullForPrimitivesUnknownFieldsDuplicateKeysAndTrailingTokens() {
        assertRefused("{\"quantity\": null}");
        assertRefused("{\"colour\": \"red\"}");
        assertRefused("{\"name\": \"a\", \"name\": \"b\"}");
        assertRefused("{\"name\": \"a\"} {}");
    }

    @Test
    void checksStringsEverywhereAndNamesTheField() {
        assertThatThrownBy(() -> read("{\"name\": \"a\\u0000\"}")).isInstanceOf(RejectedTextException.class)
                .satisfies(e -> assertThat(((RejectedTextException) e).getPathReference()).contains("name"));
        assertRefused("{\"attributes\": {\"colour\": \"\\u200b\"}}");
        assertRefused("{\"attributes\": {\"\\ufeffcolour\": \"red\"}}");
        assertRefused("{\"attributes\": {\"list\": [\"ok\", \"\\ud800\"]}}");
        assertThatThrownBy(() -> json.readValue("{\"a\": [\"\\ufffe\"]}", JsonNode.class))
                .isInstanceOf(RejectedTextException.class);
    }

    record Named(String name) {
    }

    @Test
    void whiteSpaceOnlyTextIsBlankEverywhere() {
        assertThat(json.readValue("{\"name\": \"\\u00a0\\u00a0\"}", Named.class).name()).isEmpty();
        JsonNode tree = json.readValue("{\"a\": {\"b\": \"\\u3000\"}}", JsonNode.class);
        assertThat(tree.get("a").get("b").stringValue()).isEmpty();
    }

    private Line read(String body) {
        return json.readValue(body, Line.class);
    }

    private void assertRefused(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(tools.jackson.core.JacksonException.class);
    }
}
