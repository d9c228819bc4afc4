package dev.flotilla.product.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.flotilla.web.problem.InvalidFieldsException;
import dev.flotilla.web.problem.InvalidFieldsException.FieldProblem;
import dev.flotilla.reference.Category;
import dev.flotilla.reference.Currency;
import dev.flotilla.reference.ReferenceData;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link ProductFilter} into a MongoDB query, checking every parameter first: the category
 * must exist (its whole subtree is searched), the currency must be a cash currency of the reference
 * data, price bounds need one and must not be reversed, attribute filters must name a known attribute
 * and have a value of its type.
 */
@Component
class ProductQueries {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "price", "price.amount",
            "createdAt", "createdAt");

    private final ReferenceData referenceData;

    ProductQueries(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    Query listing(ProductFilter filter, boolean includeHidden) {
        List<FieldProblem> problems = new ArrayList<>();
        Criteria criteria = includeHidden ? new Criteria() : Criteria.where("status").is(ProductStatus.ACTIVE);
        List<Criteria> conditions = new ArrayList<>();
        category(filter, problems, conditions);
        price(filter, problems, conditions);
        attributes(filter, problems, conditions);
        if (filter.inStock()) {
            conditions.add(Criteria.where("stock.available").gt(0));
        }
        Sort sort = sort(filter.sort(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        if (!conditions.isEmpty()) {
            criteria = criteria.andOperator(conditions);
        }
        return withoutHolds(Query.query(criteria).with(PageRequest.of(filter.page(), filter.size(), sort)));
    }

    /** Reads leave out the holds: reservations are invisible to the catalogue, and a busy product has many. */
    static Query withoutHolds(Query query) {
        query.fields().exclude("holds");
        return query;
    }

    private void category(ProductFilter filter, List<FieldProblem> problems, List<Criteria> conditions) {
        if (filter.category() == null) {
            return;
        }
        try {
            List<String> slugs = referenceData.categorySubtree(filter.category()).stream().map(Category::slug).toList();
            if (slugs.isEmpty()) {
                problems.add(new FieldProblem("category", "unknown category '" + filter.category() + "'"));
            }
            conditions.add(Criteria.where("categorySlug").in(slugs));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("category", e.getMessage()));
        }
    }

    /** A currency must be a cash currency of the reference data; price bounds need one and must be in order. */
    private void price(ProductFilter filter, List<FieldProblem> problems, List<Criteria> conditions) {
        boolean bounded = filter.minPrice() != null || filter.maxPrice() != null;
        if (filter.currency() == null) {
            if (bounded) {
                problems.add(new FieldProblem("currency", "a price filter needs the ISO 4217 currency of its bounds"));
            }
            return;
        }
        Optional<Currency> currency = cashCurrency(filter.currency());
        if (currency.isEmpty()) {
            problems.add(new FieldProblem("currency", "must be an ISO 4217 cash currency such as EUR"));
            return;
        }
        conditions.add(Criteria.where("price.currency").is(currency.get().code()));
        if (filter.minPrice() != null && filter.maxPrice() != null
                && filter.minPrice().compareTo(filter.maxPrice()) > 0) {
            problems.add(new FieldProblem("minPrice", "must not be greater than maxPrice"));
        }
        if (filter.minPrice() != null) {
            conditions.add(Criteria.where("price.amount").gte(filter.minPrice()));
        }
        if (filter.maxPrice() != null) {
            conditions.add(Criteria.where("price.amount").lte(filter.maxPrice()));
        }
    }

    private Optional<Currency> cashCurrency(String code) {
        if (!code.matches("[A-Za-z]{3}")) {
            return Optional.empty();
        }
        return referenceData.currency(code).filter(currency -> currency.minorUnits() != null);
    }

    private static void attributes(ProductFilter filter, List<FieldProblem> problems, List<Criteria> conditions) {
        filter.attributes().forEach((name, value) -> AttributeSchemas.byName(name).ifPresentOrElse(spec -> {
            try {
                conditions.add(Criteria.where("attributes." + name).is(spec.parse(value)));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("attr." + name, e.getMessage()));
            }
        }, () -> problems.add(new FieldProblem("attr." + name, "is not a known attribute"))));
    }

    private static Sort sort(String sort, List<FieldProblem> problems) {
        String[] parts = sort.split(",", 2);
        String property = SORTABLE.get(parts[0]);
        boolean descending = parts.length == 2 && parts[1].equalsIgnoreCase("desc");
        if (property == null || (parts.length == 2 && !descending && !parts[1].equalsIgnoreCase("asc"))) {
            problems.add(new FieldProblem("sort", "must be name, price or createdAt, optionally followed by ,asc or ,desc"));
            return Sort.unsorted();
        }
        Sort primary = descending ? Sort.by(property).descending() : Sort.by(property).ascending();
        return primary.and(Sort.by("_id"));
    }
}
