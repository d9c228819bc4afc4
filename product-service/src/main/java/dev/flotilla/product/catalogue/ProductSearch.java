package dev.flotilla.product.catalogue;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.flotilla.product.ProductServiceProperties;
import dev.flotilla.web.problem.InvalidFieldsException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Text search over name and description. MongoDB finds the active products that share at least one
 * word with the query (through the indexed {@code searchTerms}); they are ranked here: a word in the
 * name counts three times a word in the description, products that contain every word come first,
 * and the whole query as a phrase in the name adds a bonus. Ties go by name.
 */
@Service
class ProductSearch {

    private static final int NAME_WEIGHT = 3;
    private static final int ALL_WORDS_BONUS = 10;
    private static final int PHRASE_BONUS = 5;

    private final Products products;
    private final int maxCandidates;

    ProductSearch(Products products, ProductServiceProperties properties) {
        this.products = products;
        this.maxCandidates = properties.searchCandidates();
    }

    ProductPage search(String text, int page, int size) {
        List<String> terms = SearchTerms.of(text);
        if (terms.isEmpty()) {
            throw new InvalidFieldsException("q", "must contain at least one word of two or more letters or digits");
        }
        Query candidates = ProductQueries.withoutHolds(Query.query(Criteria.where("status").is(ProductStatus.ACTIVE)
                .and("searchTerms").in(terms)).limit(maxCandidates));
        String phrase = text.strip().toLowerCase(Locale.ROOT);
        List<Scored> ranked = products.find(candidates).stream()
                .map(product -> new Scored(product, score(product, terms, phrase)))
                .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparing(scored -> scored.product().name()))
                .toList();
        List<ProductView> items = ranked.stream().skip((long) page * size).limit(size)
                .map(scored -> ProductView.of(scored.product())).toList();
        return ProductPage.of(items, page, size, ranked.size());
    }

    private static int score(Product product, List<String> terms, String phrase) {
        Set<String> nameTerms = new HashSet<>(SearchTerms.of(product.name()));
        Set<String> allTerms = new HashSet<>(product.searchTerms());
        int score = 0;
        for (String term : terms) {
            score += nameTerms.contains(term) ? NAME_WEIGHT : allTerms.contains(term) ? 1 : 0;
        }
        if (allTerms.containsAll(terms)) {
            score += ALL_WORDS_BONUS;
        }
        if (product.name().toLowerCase(Locale.ROOT).contains(phrase)) {
            score += PHRASE_BONUS;
        }
        return score;
    }

    private record Scored(Product product, int score) {
    }
}
