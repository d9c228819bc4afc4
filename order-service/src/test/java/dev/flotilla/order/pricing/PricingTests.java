package dev.flotilla.order.pricing;

import java.math.BigDecimal;
import java.util.List;

import dev.flotilla.reference.ReferenceData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The money rules against the bundled reference data: conversion, minor units, half-even rounding, tax. */
class PricingTests {

    static ReferenceData reference;
    static Pricing pricing;

    @BeforeAll
    static void open() {
        reference = ReferenceData.openBundled(1);
        pricing = new Pricing(reference);
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    @Test
    void pricesInEuroWithoutConversionAndAddsTheShippingCountrysTax() {
        Pricing.Quote quote = pricing.quote(List.of(item("19.99", "EUR", 3)), "EUR", "DE");

        assertThat(quote.lines().getFirst().unitPrice()).isEqualByComparingTo("19.99");
        assertThat(quote.totals().subtotal()).isEqualByComparingTo("59.97");
        // 19 % of 59.97 = 11.3943 -> 11.39
        assertThat(quote.totals().tax()).isEqualByComparingTo("11.39");
        assertThat(quote.totals().total()).isEqualByComparingTo("71.36");
        assertThat(quote.totalsEur()).isEqualTo(quote.totals());
    }

    @Test
    void yenHasNoMinorUnits() {
        Pricing.Quote quote = pricing.quote(List.of(item("10.00", "EUR", 1)), "JPY", "JP");

        // 10 EUR * 178.905547 = 1789.05547 -> 1789 yen; 10 % tax of 1789 = 178.9 -> 179
        assertThat(quote.lines().getFirst().unitPrice()).isEqualTo(new BigDecimal("1789"));
        assertThat(quote.totals().tax()).isEqualTo(new BigDecimal("179"));
        assertThat(quote.totals().total()).isEqualTo(new BigDecimal("1968"));
        assertThat(quote.totals().total().scale()).isZero();
    }

    @Test
    void kuwaitiDinarHasThreeDecimals() {
        Pricing.Quote quote = pricing.quote(List.of(item("10.00", "EUR", 2)), "KWD", "KW");

        // 10 EUR * 0.35071891 = 3.5071891 -> 3.507 KWD
        assertThat(quote.lines().getFirst().unitPrice()).isEqualTo(new BigDecimal("3.507"));
        assertThat(quote.totals().subtotal()).isEqualTo(new BigDecimal("7.014"));
        assertThat(quote.totals().subtotal().scale()).isEqualTo(3);
    }

    @Test
    void halfCentsRoundToTheEvenNeighbour() {
        // Croatia's VAT is 25 %: 0.10 * 25 % = 0.025 -> 0.02 (even), 0.30 * 25 % = 0.075 -> 0.08 (even).
        assertThat(pricing.quote(List.of(item("0.10", "EUR", 1)), "EUR", "HR").totals().tax()).isEqualByComparingTo("0.02");
        assertThat(pricing.quote(List.of(item("0.30", "EUR", 1)), "EUR", "HR").totals().tax()).isEqualByComparingTo("0.08");
    }

    @Test
    void taxIsAppliedOnceToTheSubtotalNotPerLine() {
        // Per line: 0.02 + 0.02 + 0.02 = 0.06; once on 0.30: 0.075 -> 0.08.
        List<Pricing.Item> items = List.of(item("0.10", "EUR", 1), item("0.10", "EUR", 1), item("0.10", "EUR", 1));

        assertThat(pricing.quote(items, "EUR", "HR").totals().tax()).isEqualByComparingTo("0.08");
    }

    @Test
    void keepsTheTotalsInEuroToo() {
        Pricing.Quote quote = pricing.quote(List.of(item("10.00", "EUR", 1)), "USD", "US");

        assertThat(quote.lines().getFirst().unitPrice()).isEqualByComparingTo("11.36");
        assertThat(quote.totalsEur().subtotal()).isEqualByComparingTo("10.00");
        assertThat(quote.unitsPerEur()).isEqualByComparingTo("1.13607202");
    }

    @Test
    void convertsFromAProductPricedInAnotherCurrencyThroughTheEuro() {
        Pricing.Quote quote = pricing.quote(List.of(item("1000", "JPY", 1)), "EUR", "DE");

        // 1000 / 178.905547 = 5.5896 -> 5.59
        assertThat(quote.lines().getFirst().unitPrice()).isEqualByComparingTo("5.59");
        assertThat(quote.lines().getFirst().unitPriceEur()).isEqualByComparingTo("5.59");
    }

    @Test
    void refusesCurrenciesThatCannotBePaidIn() {
        assertThatThrownBy(() -> pricing.quote(List.of(item("1", "EUR", 1)), "XAU", "DE"))
                .isInstanceOf(UnsupportedCurrencyException.class).hasMessageContaining("minor units");
        assertThat(pricing.supports("XAU")).isFalse();
        assertThat(pricing.supports("QQQ")).isFalse();
        assertThat(pricing.supports("GBP")).isTrue();
    }

    @Test
    void neverUsesBinaryFloatingPoint() {
        Pricing.Quote quote = pricing.quote(List.of(item("0.10", "EUR", 3)), "EUR", "DE");

        // 0.1 * 3 in doubles is 0.30000000000000004.
        assertThat(quote.totals().subtotal()).isEqualTo(new BigDecimal("0.30"));
    }

    private static Pricing.Item item(String amount, String currency, int quantity) {
        return new Pricing.Item("0123456789abcdef01234567", quantity, Money.of(amount, currency));
    }
}
