package dev.flotilla.product.catalogue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import dev.flotilla.web.problem.InvalidFieldsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AttributeSchemasTests {

    @Test
    void everyAttributeNameHasOneTypeAcrossCategories() {
        Map<String, AttributeSpec.Type> types = new HashMap<>();
        AttributeSchemas.BY_TOP_LEVEL_CATEGORY.values().forEach(schema -> schema.values().forEach(spec ->
                assertThat(types.merge(spec.name(), spec.type(), (a, b) -> a == b ? a : null))
                        .as("type of %s", spec.name()).isNotNull()));
    }

    @Test
    void everyTopLevelCategoryOfTheReferenceDataHasASchema() {
        assertThat(AttributeSchemas.BY_TOP_LEVEL_CATEGORY).containsOnlyKeys("books", "electronics", "clothing", "shoes",
                "home-kitchen", "sports-outdoors", "toys-games", "beauty-health");
    }

    @Test
    void valuesAreNormalisedToTheirStoredType() {
        Map<String, Object> shoe = AttributeSchemas.validate("shoes", Map.of("euSize", 42.5, "colour", "  blue  "));
        assertThat(shoe).containsEntry("euSize", new BigDecimal("42.5")).containsEntry("colour", "blue");
        Map<String, Object> book = AttributeSchemas.validate("books", Map.of("author", "A", "isbn", "9780261103344", "pages", 310));
        assertThat(book.get("pages")).isEqualTo(310L);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatExceptionOfType(InvalidFieldsException.class)
                .isThrownBy(() -> AttributeSchemas.validate("clothing", Map.of("size", "XXXL", "weight", 3)))
                .satisfies(e -> assertThat(e.problems()).extracting(InvalidFieldsException.FieldProblem::field)
                        .containsExactlyInAnyOrder("attributes.size", "attributes.weight", "attributes.colour"));
    }

    @Test
    void filterValuesAreParsedByTheAttributeType() {
        assertThat(AttributeSchemas.byName("minimumAge").orElseThrow().parse("8")).isEqualTo(8L);
        assertThat(AttributeSchemas.byName("dishwasherSafe").orElseThrow().parse("true")).isEqualTo(true);
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> AttributeSchemas.byName("minimumAge").orElseThrow().parse("eight"));
        assertThat(AttributeSchemas.byName("flavour")).isEmpty();
    }
}
