package dev.flotilla.reference;

import org.jspecify.annotations.Nullable;

/**
 * An ISO 3166-1 country or territory.
 *
 * @param alpha2 two-letter code, upper case ({@code DE})
 * @param alpha3 three-letter code, upper case ({@code DEU})
 * @param numericCode three-digit code with leading zeros ({@code 276})
 * @param name English short name
 * @param callingCode international calling code with a leading plus ({@code +49}); null where none
 * @param currencyCode ISO 4217 code of the main currency; null for territories without one (Antarctica)
 */
public record Country(String alpha2, String alpha3, String numericCode, String name, @Nullable String callingCode,
        @Nullable String currencyCode) {
}
