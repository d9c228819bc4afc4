package dev.flotilla.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ReferenceDataLookupTests {

    private static ReferenceData data;

    @BeforeAll
    static void open() {
        data = ReferenceData.openBundled();
    }

    @AfterAll
    static void close() {
        data.close();
    }

    @Test
    void findsACountryByAnyOfItsCodesInAnyCase() {
        Country germany = data.country("DE").orElseThrow();
        assertThat(germany).isEqualTo(new Country("DE", "DEU", "276", "Germany", "+49", "EUR"));
        assertThat(data.country("de")).contains(germany);
        assertThat(data.country("deu")).contains(germany);
        assertThat(data.country("276")).contains(germany);
    }

    @Test
    void unknownButWellFormedCodesGiveEmptyResults() {
        assertThat(data.country("ZZ")).isEmpty();
        assertThat(data.country("ZZZ")).isEmpty();
        assertThat(data.country("999")).isEmpty();
        assertThat(data.currency("ABC")).isEmpty();
        assertThat(data.exchangeRate("ABC")).isEmpty();
        assertThat(data.taxRate("ZZ")).isEmpty();
        assertThat(data.city(-1)).isEmpty();
        assertThat(data.category("no-such-category")).isEmpty();
        assertThat(data.categorySubtree("no-such-category")).isEmpty();
        assertThat(data.cities("ZZ", 0, 10).items()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "D", "DEUT", " DE", "D1", "Dé", "DE' OR '1'='1", "12", "1234"})
    void malformedCountryCodesAreRejectedWithAMessageNamingTheValue(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> data.country(code)).withMessageContaining("country code")
                .withMessageContaining(code.isBlank() ? "must not be blank" : "'" + code + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EU", "EURO", "E1R", "EUR;", "€"})
    void malformedCurrencyCodesAreRejected(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> data.currency(code)).withMessageContaining("currency code");
        assertThatIllegalArgumentException().isThrownBy(() -> data.exchangeRate(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "books/fiction", "books--fiction", "-books", "books'; DROP TABLE category;--", "livres é"})
    void malformedSlugsAreRejected(String slug) {
        assertThatIllegalArgumentException().isThrownBy(() -> data.category(slug)).withMessageContaining("slug");
        assertThatIllegalArgumentException().isThrownBy(() -> data.categorySubtree(slug));
    }

    @Test
    void nullsAreRejectedWithTheNameOfTheArgument() {
        assertThatNullPointerException().isThrownBy(() -> data.country(null)).withMessage("country code must not be null");
        assertThatNullPointerException().isThrownBy(() -> data.currency(null)).withMessage("currency code must not be null");
        assertThatNullPointerException().isThrownBy(() -> data.category(null)).withMessage("category slug must not be null");
        assertThatNullPointerException().isThrownBy(() -> data.cities(null, 0, 1));
    }

    @Test
    void currencyAndRateLookupsNormaliseCase() {
        assertThat(data.currency("chf").orElseThrow().name()).isEqualTo("Swiss Franc");
        ExchangeRate yen = data.exchangeRate("jpy").orElseThrow();
        assertThat(yen.unitsPerEur()).isGreaterThan(new BigDecimal("100"));
        assertThat(yen.toEur(yen.unitsPerEur(), 2)).isEqualByComparingTo("1.00");
    }

    @Test
    void taxRateIsTheStandardNationalRateOrEmpty() {
        TaxRate germany = data.taxRate("de").orElseThrow();
        assertThat(germany.kind()).isEqualTo(TaxRate.Kind.VAT);
        assertThat(germany.standardRate()).isEqualByComparingTo("19");
        assertThat(data.taxRate("US")).as("the United States have no national sales tax").isEmpty();
    }

    @Test
    void pagesOfCitiesAreLargestFirstDisjointAndComplete() {
        Page<City> first = data.cities("US", 0, 50);
        assertThat(first.items()).hasSize(50);
        assertThat(first.items().getFirst().name()).isEqualTo("New York City");
        assertThat(first.items()).extracting(City::population).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(first.totalItems()).isGreaterThan(100);

        List<City> all = new ArrayList<>();
        for (int page = 0; page < first.totalPages(); page++) {
            all.addAll(data.cities("us", page, 50).items());
        }
        assertThat(all).hasSize((int) first.totalItems()).extracting(City::id).doesNotHaveDuplicates();
        assertThat(data.cities("US", first.totalPages() - 1, 50).hasNext()).isFalse();
        assertThat(data.cities("US", first.totalPages(), 50).items()).isEmpty();
    }

    @Test
    void theCategoryTreeCannotBeChangedByACaller() {
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> data.categories().clear());
    }

    @Test
    void pagesFarBeyondTheEndAreEmptyAndDoNotOverflow() {
        Page<City> page = data.cities("US", Integer.MAX_VALUE, 10);
        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new Page<>(List.of(), 0, 0, 5));
    }

    @Test
    void invalidPagingIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> data.cities("US", -1, 10)).withMessageContaining("page");
        assertThatIllegalArgumentException().isThrownBy(() -> data.cities("US", 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> data.cities("US", 0, ReferenceData.MAX_PAGE_SIZE + 1));
        assertThatIllegalArgumentException().isThrownBy(() -> data.cities("USA", 0, 10)).withMessageContaining("alpha-2");
    }

    @Test
    void aCategorySubtreeIsTheCategoryAndAllItsDescendants() {
        List<Category> books = data.categorySubtree("Books");
        assertThat(books.getFirst()).isEqualTo(data.category("books").orElseThrow());
        assertThat(books.getFirst().isTopLevel()).isTrue();
        assertThat(books).hasSizeGreaterThan(5);
        assertThat(books.subList(1, books.size())).allSatisfy(category -> {
            assertThat(category.level()).isGreaterThan(1);
            assertThat(ancestors(category)).contains("books");
        });
        long descendants = data.categories().stream().filter(category -> ancestors(category).contains("books")).count();
        assertThat(books).hasSize((int) descendants + 1);
    }

    @Test
    void theCategoryTreeIsDepthFirst() {
        List<Category> tree = data.categories();
        for (int i = 1; i < tree.size(); i++) {
            Category category = tree.get(i);
            if (!category.isTopLevel()) {
                int parent = tree.indexOf(data.category(category.parentSlug()).orElseThrow());
                assertThat(parent).isLessThan(i);
                assertThat(tree.subList(parent + 1, i)).allMatch(between -> between.level() > tree.get(parent).level());
            }
        }
    }

    private static List<String> ancestors(Category category) {
        List<String> ancestors = new ArrayList<>();
        String parent = category.parentSlug();
        while (parent != null) {
            ancestors.add(parent);
            parent = data.category(parent).orElseThrow().parentSlug();
        }
        return ancestors;
    }
}
