package dev.flotilla.reference;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The standard national consumption-tax rate of a country (a dated snapshot).
 *
 * @param countryCode ISO 3166-1 alpha-2 code
 * @param kind the kind of tax
 * @param standardRate the standard rate in percent ({@code 19} for 19 %)
 * @param asOf the day of the snapshot
 * @param source where the snapshot comes from
 */
public record TaxRate(String countryCode, Kind kind, BigDecimal standardRate, LocalDate asOf, String source) {

    /** Kinds of national consumption tax. */
    public enum Kind {
        VAT, GST, SALES_TAX, CONSUMPTION_TAX
    }
}
