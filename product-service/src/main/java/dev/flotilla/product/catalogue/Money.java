package dev.flotilla.product.catalogue;

import java.math.BigDecimal;

/**
 * An amount in a currency, exact: stored as Decimal128 in MongoDB and written as a string in JSON
 * ({@code "19.99"}), never as binary floating point.
 *
 * @param amount the amount, with at most the currency's minor units as decimals
 * @param currency ISO 4217 code
 */
public record Money(BigDecimal amount, String currency) {
}
