package dev.flotilla.product.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.flotilla.web.problem.InvalidFieldsException;
import dev.flotilla.web.problem.InvalidFieldsException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * Reads the query parameters of {@code GET /api/products} into a {@link ProductFilter}, collecting
 * every problem before answering 400: unknown parameters, text with control characters or longer
 * than {@value #MAX_LENGTH} characters, numbers that are not numbers or out of range. What needs the
 * reference data (category, currency) and the attribute schemas is checked by {@link ProductQueries}.
 */
final class ListingParameters {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 10_000;
    static final int MAX_LENGTH = 200;
    static final Set<String> NAMES = Set.of("category", "minPrice", "maxPrice", "currency", "inStock", "sort", "page",
            "size");

    private final Map<String, String> parameters;
    private final List<FieldProblem> problems = new ArrayList<>();

    private ListingParameters(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /** The filter, or an {@link InvalidFieldsException} listing every parameter that is wrong. */
    static ProductFilter parse(Map<String, String> parameters) {
        return new ListingParameters(parameters).filter();
    }

    private ProductFilter filter() {
        Map<String, String> attributes = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("attr.")) {
                attributes.put(name.substring("attr.".length()), value);
            } else if (!NAMES.contains(name)) {
                problems.add(new FieldProblem(name, "is not a filter; use " + NAMES + " or attr.<name>"));
            }
            text(name, value);
        });
        ProductFilter filter = new ProductFilter(parameters.get("category"), decimal("minPrice"), decimal("maxPrice"),
                parameters.get("currency"), attributes, bool("inStock"), parameters.getOrDefault("sort", "name"),
                integer("page", 0, 0, MAX_PAGE), integer("size", 20, 1, MAX_PAGE_SIZE));
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return filter;
    }

    private void text(String name, String value) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(name, "must not contain control characters"));
        } else if (value.length() > MAX_LENGTH) {
            problems.add(new FieldProblem(name, "must be at most " + MAX_LENGTH + " characters"));
        }
    }

    private @Nullable BigDecimal decimal(String name) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = AttributeSpec.storable(new BigDecimal(value));
            if (number.signum() < 0) {
                problems.add(new FieldProblem(name, "must not be negative"));
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(name, "must be a decimal number of at most 34 digits"));
            return null;
        }
    }

    private boolean bool(String name) {
        String value = parameters.getOrDefault(name, "false");
        if (!value.equals("true") && !value.equals("false")) {
            problems.add(new FieldProblem(name, "must be true or false"));
        }
        return Boolean.parseBoolean(value);
    }

    private int integer(String name, int fallback, int min, int max) {
        String value = parameters.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Not a number, or beyond int: the same answer as out of range.
        }
        problems.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
