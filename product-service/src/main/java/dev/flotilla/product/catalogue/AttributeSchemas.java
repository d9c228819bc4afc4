package dev.flotilla.product.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.flotilla.web.problem.InvalidFieldsException;
import dev.flotilla.web.problem.InvalidFieldsException.FieldProblem;

/**
 * Which attributes a product may have, by its top-level category: books have an author and an ISBN,
 * shoes an EU size and a colour, and so on. An attribute name means the same type in every category,
 * so a filter such as {@code attr.colour=red} is typed without knowing the category.
 */
final class AttributeSchemas {

    private static final AttributeSpec COLOUR = AttributeSpec.text("colour", false, 40);
    private static final AttributeSpec REQUIRED_COLOUR = AttributeSpec.text("colour", true, 40);
    private static final AttributeSpec BRAND = AttributeSpec.text("brand", false, 100);
    private static final AttributeSpec REQUIRED_BRAND = AttributeSpec.text("brand", true, 100);
    private static final AttributeSpec MATERIAL = AttributeSpec.text("material", false, 100);

    static final Map<String, Map<String, AttributeSpec>> BY_TOP_LEVEL_CATEGORY = Map.of(
            "books", schema(
                    AttributeSpec.text("author", true, 200),
                    AttributeSpec.text("isbn", true, "97[89][0-9]{10}", "an ISBN-13 of 13 digits starting with 978 or 979"),
                    AttributeSpec.integer("pages", false, 1, 100_000),
                    AttributeSpec.text("language", false, "[a-z]{2}", "an ISO 639-1 code such as en"),
                    AttributeSpec.text("publisher", false, 200)),
            "electronics", schema(REQUIRED_BRAND, AttributeSpec.text("model", false, 100),
                    AttributeSpec.integer("warrantyMonths", false, 0, 120), COLOUR),
            "clothing", schema(AttributeSpec.choice("size", true, "XS", "S", "M", "L", "XL", "XXL"), REQUIRED_COLOUR,
                    MATERIAL),
            "shoes", schema(AttributeSpec.decimal("euSize", true, "15", "55"), REQUIRED_COLOUR, MATERIAL),
            "home-kitchen", schema(MATERIAL, COLOUR, AttributeSpec.decimal("widthCm", false, "0.1", "1000"),
                    AttributeSpec.decimal("heightCm", false, "0.1", "1000"), AttributeSpec.decimal("depthCm", false, "0.1", "1000"),
                    AttributeSpec.flag("dishwasherSafe")),
            "sports-outdoors", schema(BRAND, COLOUR, AttributeSpec.integer("weightGrams", false, 1, 1_000_000)),
            "toys-games", schema(AttributeSpec.integer("minimumAge", true, 0, 99),
                    AttributeSpec.text("players", false, "[0-9]{1,2}(-[0-9]{1,2})?", "a number of players such as 2 or 2-4"),
                    BRAND),
            "beauty-health", schema(REQUIRED_BRAND, AttributeSpec.integer("volumeMl", false, 1, 10_000)));

    /** Every attribute name with its (single) specification, for query filters. */
    private static final Map<String, AttributeSpec> BY_NAME = BY_TOP_LEVEL_CATEGORY.values().stream()
            .flatMap(schema -> schema.values().stream())
            .collect(Collectors.toMap(AttributeSpec::name, Function.identity(), (first, second) -> first));

    private AttributeSchemas() {
    }

    /**
     * The attributes to store for a product of this top-level category, validated and normalised;
     * every problem is reported at once, as {@code attributes.<name>}.
     */
    static Map<String, Object> validate(String topLevelCategory, Map<String, Object> attributes) {
        Map<String, AttributeSpec> schema = BY_TOP_LEVEL_CATEGORY.getOrDefault(topLevelCategory, Map.of());
        Map<String, Object> accepted = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        attributes.forEach((name, value) -> {
            AttributeSpec spec = schema.get(name);
            if (spec == null) {
                problems.add(new FieldProblem("attributes." + name, "is not an attribute of " + topLevelCategory
                        + "; allowed: " + schema.keySet().stream().sorted().toList()));
            } else if (value != null) {
                try {
                    accepted.put(name, spec.accept(value));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("attributes." + name, e.getMessage()));
                }
            }
        });
        schema.values().stream().filter(spec -> spec.required() && attributes.get(spec.name()) == null)
                .forEach(spec -> problems.add(new FieldProblem("attributes." + spec.name(), "is required for " + topLevelCategory)));
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return accepted;
    }

    /** The specification of an attribute name, whatever the category. */
    static Optional<AttributeSpec> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Map<String, AttributeSpec> schema(AttributeSpec... specs) {
        return Stream.of(specs).collect(Collectors.toUnmodifiableMap(AttributeSpec::name, Function.identity()));
    }
}
