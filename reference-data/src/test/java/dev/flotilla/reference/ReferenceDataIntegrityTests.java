package dev.flotilla.reference;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** The bundled file is complete and consistent: the promises the services build on. */
class ReferenceDataIntegrityTests {

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
    void holdsEveryIso3166CountryWithUniqueCodes() {
        List<Country> countries = data.countries();
        assertThat(countries).hasSize(249);
        assertThat(countries).extracting(Country::alpha3).doesNotHaveDuplicates();
        assertThat(countries).extracting(Country::numericCode).doesNotHaveDuplicates().allMatch(code -> code.matches("\\d{3}"));
        assertThat(countries).filteredOn(country -> country.callingCode() != null)
                .hasSizeGreaterThan(240).allMatch(country -> country.callingCode().matches("\\+\\d{1,4}"));
    }

    @Test
    void everyCountryCurrencyExistsAndHasAPositiveRate() {
        Set<String> currencies = data.currencies().stream().map(Currency::code).collect(Collectors.toSet());
        Map<String, ExchangeRate> rates = data.exchangeRates().stream()
                .collect(Collectors.toMap(ExchangeRate::currencyCode, Function.identity()));
        List<Country> withCurrency = data.countries().stream().filter(country -> country.currencyCode() != null).toList();

        assertThat(withCurrency).hasSizeGreaterThanOrEqualTo(248);
        assertThat(withCurrency).allSatisfy(country -> {
            assertThat(currencies).as(country.name()).contains(country.currencyCode());
            assertThat(rates).as(country.name()).containsKey(country.currencyCode());
        });
        assertThat(rates.values()).allSatisfy(rate -> {
            assertThat(rate.unitsPerEur()).isPositive();
            assertThat(currencies).contains(rate.currencyCode());
        });
        assertThat(rates.get("EUR").unitsPerEur()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(rates.values()).extracting(ExchangeRate::asOf).doesNotContainNull();
    }

    @Test
    void currenciesHaveIsoMinorUnits() {
        assertThat(data.currencies()).hasSizeGreaterThan(150);
        assertThat(data.currency("EUR").orElseThrow().minorUnits()).isEqualTo(2);
        assertThat(data.currency("JPY").orElseThrow().minorUnits()).isZero();
        assertThat(data.currency("KWD").orElseThrow().minorUnits()).isEqualTo(3);
        assertThat(data.currency("XAU").orElseThrow().minorUnits()).isNull();
    }

    @Test
    void holdsAtLeast500CitiesEachInAnExistingCountryWithAKnownTimeZone() {
        Set<String> countryCodes = data.countries().stream().map(Country::alpha2).collect(Collectors.toSet());
        List<City> cities = data.countries().stream()
                .flatMap(country -> data.cities(country.alpha2(), 0, ReferenceData.MAX_PAGE_SIZE).items().stream())
                .toList();

        assertThat(cities).hasSizeGreaterThanOrEqualTo(500);
        assertThat(cities).extracting(City::id).doesNotHaveDuplicates();
        assertThat(cities).allSatisfy(city -> {
            assertThat(countryCodes).contains(city.countryCode());
            assertThat(city.zoneId()).isNotNull();
            assertThat(city.latitude()).isBetween(-90.0, 90.0);
            assertThat(city.longitude()).isBetween(-180.0, 180.0);
        });
        assertThat(cities.stream().map(City::countryCode).distinct().count()).isGreaterThan(200);
    }

    @Test
    void taxRatesArePercentagesOfExistingCountries() {
        List<TaxRate> rates = data.countries().stream().map(country -> data.taxRate(country.alpha2()))
                .flatMap(Optional::stream).toList();
        assertThat(rates).hasSizeGreaterThan(100).allSatisfy(rate -> {
            assertThat(rate.standardRate()).isPositive().isLessThan(new BigDecimal("100"));
            assertThat(rate.asOf()).isNotNull();
        });
    }

    @Test
    void categoriesFormAnAcyclicTreeOfAtLeastThreeLevelsWithUniqueSlugs() {
        List<Category> categories = data.categories();
        Map<String, Category> bySlug = categories.stream().collect(Collectors.toMap(Category::slug, Function.identity()));

        assertThat(categories).hasSizeGreaterThanOrEqualTo(40);
        assertThat(categories).extracting(Category::slug).doesNotHaveDuplicates();
        assertThat(categories).extracting(Category::level).contains(1, 2, 3);
        for (Category category : categories) {
            Set<String> seen = new HashSet<>();
            Category current = category;
            while (current.parentSlug() != null) {
                assertThat(seen.add(current.slug())).as("cycle through %s", category.slug()).isTrue();
                current = Objects.requireNonNull(bySlug.get(current.parentSlug()), "parent of " + current.slug());
            }
            assertThat(seen).hasSize(category.level() - 1);
        }
    }

    @Test
    void identifiesItsSchemaVersionAndContent() {
        assertThat(data.info().schemaVersion()).isEqualTo("3");
        assertThat(data.info().contentChecksum()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void aCityCarriesItsGeoNamesFacts() {
        City berlin = data.city(2950159).orElseThrow();
        assertThat(berlin.name()).isEqualTo("Berlin");
        assertThat(berlin.countryCode()).isEqualTo("DE");
        assertThat(berlin.zoneId()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.population()).isGreaterThan(3_000_000);
        assertThat(berlin.latitude()).isCloseTo(52.52, offset(0.01));
    }
}
