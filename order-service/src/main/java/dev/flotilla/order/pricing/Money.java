package dev.flotilla.order.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount in a currency. Never a binary float: amounts are {@link BigDecimal}s at the
 * currency's minor units once {@link Pricing} has rounded them.
 *
 * @param amount the amount
 * @param currency ISO 4217 code, upper case
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
