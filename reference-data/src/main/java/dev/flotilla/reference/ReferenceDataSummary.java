package dev.flotilla.reference;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Prints what a reference-data file holds: its identity, row counts and a few samples. Without an
 * argument it reads the file bundled in the jar; with one, the file at that path.
 */
public final class ReferenceDataSummary {

    private ReferenceDataSummary() {
    }

    public static void main(String[] args) {
        try (ReferenceData data = args.length == 0 ? ReferenceData.openBundled() : ReferenceData.open(Path.of(args[0]))) {
            print(data);
        }
    }

    static void print(ReferenceData data) {
        List<Country> countries = data.countries();
        List<ExchangeRate> rates = data.exchangeRates();
        long cities = countries.stream().mapToLong(country -> data.cities(country.alpha2(), 0, 1).totalItems()).sum();
        long taxRates = countries.stream().filter(country -> data.taxRate(country.alpha2()).isPresent()).count();
        long topLevel = data.categories().stream().filter(Category::isTopLevel).count();
        int depth = data.categories().stream().mapToInt(Category::level).max().orElse(0);

        System.out.printf("Flotilla reference data: schema version %s, content %s%n", data.info().schemaVersion(),
                data.info().contentChecksum());
        System.out.printf("  %d countries, %d currencies, %d cities, %d tax rates%n", countries.size(),
                data.currencies().size(), cities, taxRates);
        System.out.printf("  %d exchange rates to EUR as of %s%n", rates.size(),
                rates.stream().map(ExchangeRate::asOf).max(Comparator.naturalOrder()).orElse(null));
        System.out.printf("  %d product categories, %d top-level, %d levels deep%n", data.categories().size(), topLevel,
                depth);
        for (String code : List.of("DE", "JP", "BR")) {
            data.country(code).ifPresent(country -> printCountry(data, country));
        }
    }

    private static void printCountry(ReferenceData data, Country country) {
        String largest = data.cities(country.alpha2(), 0, 3).items().stream().map(City::name).toList().toString();
        String tax = data.taxRate(country.alpha2()).map(rate -> rate.standardRate().toPlainString() + " % " + rate.kind())
                .orElse("no national rate");
        String rate = country.currencyCode() == null ? "-" : data.exchangeRate(country.currencyCode())
                .map(r -> "1 EUR = " + r.unitsPerEur().toPlainString() + " " + r.currencyCode()).orElse("-");
        System.out.printf("  %s %-8s %s %s, %s, %s, largest cities %s%n", country.alpha2(), country.name(),
                country.callingCode(), country.currencyCode(), rate, tax, largest);
    }
}
