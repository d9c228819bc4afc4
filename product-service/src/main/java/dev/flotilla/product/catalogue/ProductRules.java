package dev.flotilla.product.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.flotilla.reference.Category;
import dev.flotilla.reference.Currency;
import dev.flotilla.reference.ReferenceData;
import dev.flotilla.web.problem.InvalidFieldsException;
import dev.flotilla.web.problem.InvalidFieldsException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Checks a product request against the reference data and the attribute schemas, and normalises it:
 * upper-case SKU and currency, a category that exists, a price with no more decimals than the
 * currency has, attributes valid for the category's top-level ancestor.
 */
@Component
class ProductRules {

    private final ReferenceData referenceData;

    ProductRules(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    /** The validated content of a product. */
    record Details(String sku, String name, String description, String categorySlug, Money price,
            Map<String, Object> attributes, List<String> imageIds) {

        List<String> searchTerms() {
            return SearchTerms.of(name, description);
        }
    }

    Details check(ProductRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String slug = request.category().strip().toLowerCase(Locale.ROOT);
        String topLevel = topLevelCategory(slug, problems);
        Money price = price(request.price(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        Map<String, Object> attributes = AttributeSchemas.validate(topLevel,
                request.attributes() == null ? Map.of() : request.attributes());
        return new Details(request.sku().toUpperCase(Locale.ROOT), request.name().strip(),
                request.description() == null ? "" : request.description().strip(), slug, price, attributes,
                request.imageIds() == null ? List.of() : List.copyOf(request.imageIds()));
    }

    private String topLevelCategory(String slug, List<FieldProblem> problems) {
        try {
            Category category = referenceData.category(slug).orElse(null);
            if (category == null) {
                problems.add(new FieldProblem("category", "unknown category '" + slug + "'"));
                return "";
            }
            while (category.parentSlug() != null) {
                category = referenceData.category(category.parentSlug()).orElseThrow();
            }
            return category.slug();
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("category", e.getMessage()));
            return "";
        }
    }

    private Money price(ProductRequest.Price price, List<FieldProblem> problems) {
        String code = price.currency().toUpperCase(Locale.ROOT);
        Currency currency = referenceData.currency(code).orElse(null);
        if (currency == null || currency.minorUnits() == null) {
            problems.add(new FieldProblem("price.currency", "unknown or non-cash currency '" + price.currency() + "'"));
            return null;
        }
        if (price.amount().stripTrailingZeros().scale() > currency.minorUnits()) {
            problems.add(new FieldProblem("price.amount", code + " has " + currency.minorUnits() + " decimals"));
            return null;
        }
        return new Money(price.amount().setScale(currency.minorUnits()), code);
    }
}
