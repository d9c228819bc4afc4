package dev.flotilla.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The reference rate of a currency against the euro on one day (a dated snapshot, not a live quote).
 *
 * @param currencyCode ISO 4217 code
 * @param unitsPerEur how many units of the currency one euro buys (exact decimal)
 * @param asOf the day of the snapshot
 * @param source where the snapshot comes from
 */
public record ExchangeRate(String currencyCode, BigDecimal unitsPerEur, LocalDate asOf, String source) {

    /** Converts an amount in this currency to euros, rounded half-even to {@code scale} decimals. */
    public BigDecimal toEur(BigDecimal amount, int scale) {
        return amount.divide(unitsPerEur, scale, RoundingMode.HALF_EVEN);
    }

    /** Converts an amount in euros to this currency, rounded half-even to {@code scale} decimals. */
    public BigDecimal fromEur(BigDecimal amountInEur, int scale) {
        return amountInEur.multiply(unitsPerEur).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
