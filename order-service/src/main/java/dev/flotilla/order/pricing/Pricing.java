package dev.flotilla.order.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import dev.flotilla.reference.Currency;
import dev.flotilla.reference.ExchangeRate;
import dev.flotilla.reference.ReferenceData;
import dev.flotilla.reference.TaxRate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Prices items in the customer's currency with the reference-data exchange and tax rates.
 *
 * <p>The rules, the same for every order:
 * <ul>
 * <li>A unit price is converted from the product's currency through the euro
 *     ({@code price / unitsPerEur(from) * unitsPerEur(to)}, exact to 34 digits), then rounded to the
 *     target currency's minor units: 0 for JPY, 2 for USD, 3 for KWD.</li>
 * <li>Every rounding is {@link RoundingMode#HALF_EVEN} (banker's rounding): a half goes to the even
 *     neighbour, so that over many orders the rounding does not drift one way. It is also how the
 *     reference rates themselves are applied ({@link ExchangeRate}).</li>
 * <li>A line total is the rounded unit price times the quantity (no rounding needed); the subtotal is
 *     their sum; the tax is the shipping country's standard rate applied once to the subtotal, then
 *     rounded; the total is subtotal plus tax. Prices are net of tax. A country without a
 *     consumption tax in the reference data pays none.</li>
 * <li>The same is computed in euros (2 decimals) from the product prices, for reports across
 *     currencies.</li>
 * </ul>
 */
@Component
public class Pricing {

    static final String EUR = "EUR";
    private static final int EUR_SCALE = 2;
    private static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ReferenceData reference;

    public Pricing(ReferenceData reference) {
        this.reference = reference;
    }

    /** Prices the items for an order paid in {@code currency} and shipped to {@code country}. */
    public Quote quote(List<Item> items, String currency, String country) {
        return quote(items, currency, reference.taxRate(country).map(TaxRate::standardRate).orElse(BigDecimal.ZERO));
    }

    /** Prices the items in {@code currency} before any tax: where they go is not known yet (a cart). */
    public Quote quoteWithoutTax(List<Item> items, String currency) {
        return quote(items, currency, BigDecimal.ZERO);
    }

    private Quote quote(List<Item> items, String currency, BigDecimal taxRate) {
        Rate target = rate(currency);
        List<QuotedLine> lines = items.stream().map(item -> line(item, target)).toList();
        Totals totals = totals(lines.stream().map(QuotedLine::lineTotal), taxRate, target.scale());
        Totals totalsEur = totals(lines.stream().map(QuotedLine::lineTotalEur), taxRate, EUR_SCALE);
        return new Quote(target.code(), lines, totals, totalsEur, taxRate, target.unitsPerEur(), target.asOf());
    }

    /** Whether an order can be paid in this currency: it has minor units and an exchange rate. */
    public boolean supports(String currency) {
        try {
            rate(currency);
            return true;
        } catch (UnsupportedCurrencyException e) {
            return false;
        }
    }

    private QuotedLine line(Item item, Rate target) {
        Rate source = rate(item.unitPrice().currency());
        BigDecimal inEur = item.unitPrice().amount().divide(source.unitsPerEur(), MathContext.DECIMAL128);
        BigDecimal exact = source.code().equals(target.code()) ? item.unitPrice().amount()
                : inEur.multiply(target.unitsPerEur(), MathContext.DECIMAL128);
        BigDecimal unitPrice = exact.setScale(target.scale(), ROUNDING);
        BigDecimal unitPriceEur = inEur.setScale(EUR_SCALE, ROUNDING);
        BigDecimal quantity = BigDecimal.valueOf(item.quantity());
        return new QuotedLine(item.productId(), item.quantity(), unitPrice, unitPrice.multiply(quantity), unitPriceEur,
                unitPriceEur.multiply(quantity));
    }

    private static Totals totals(Stream<BigDecimal> lineTotals, BigDecimal taxRate, int scale) {
        BigDecimal subtotal = lineTotals.reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
        BigDecimal tax = subtotal.multiply(taxRate).divide(HUNDRED, scale, ROUNDING);
        return new Totals(subtotal, tax, subtotal.add(tax));
    }

    private Rate rate(String code) {
        Currency currency = reference.currency(code)
                .orElseThrow(() -> new UnsupportedCurrencyException(code, "is not an ISO 4217 currency"));
        if (currency.minorUnits() == null) {
            throw new UnsupportedCurrencyException(code, "has no minor units (a fund or a precious metal)");
        }
        if (currency.code().equals(EUR)) {
            return new Rate(EUR, currency.minorUnits(), BigDecimal.ONE, null);
        }
        ExchangeRate rate = reference.exchangeRate(currency.code())
                .orElseThrow(() -> new UnsupportedCurrencyException(code, "has no reference exchange rate"));
        return new Rate(currency.code(), currency.minorUnits(), rate.unitsPerEur(), rate.asOf());
    }

    /** Units of a product at its catalogue price. */
    public record Item(String productId, int quantity, Money unitPrice) {
    }

    /** One line, priced. */
    public record QuotedLine(String productId, int quantity, BigDecimal unitPrice, BigDecimal lineTotal,
            BigDecimal unitPriceEur, BigDecimal lineTotalEur) {
    }

    /** Subtotal, tax and total in one currency, each at its minor units. */
    public record Totals(BigDecimal subtotal, BigDecimal tax, BigDecimal total) {
    }

    /**
     * A priced order.
     *
     * @param ratesAsOf the day of the exchange-rate snapshot used; null when no conversion was needed
     */
    public record Quote(String currency, List<QuotedLine> lines, Totals totals, Totals totalsEur, BigDecimal taxRate,
            BigDecimal unitsPerEur, @Nullable LocalDate ratesAsOf) {
    }

    private record Rate(String code, int scale, BigDecimal unitsPerEur, @Nullable LocalDate asOf) {
    }
}
