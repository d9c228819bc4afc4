package dev.flotilla.reference;

import org.jspecify.annotations.Nullable;

/**
 * An ISO 4217 currency.
 *
 * @param code three-letter code, upper case ({@code EUR})
 * @param numericCode three-digit code with leading zeros ({@code 978})
 * @param name English name
 * @param minorUnits digits after the decimal point (2 for EUR, 0 for JPY); null where ISO 4217 gives none
 *     (precious metals, funds)
 */
public record Currency(String code, String numericCode, String name, @Nullable Integer minorUnits) {
}
