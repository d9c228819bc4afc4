package dev.flotilla.order.checkout;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.flotilla.order.order.ShippingAddress;
import dev.flotilla.order.payment.Card;
import dev.flotilla.order.pricing.Pricing;
import dev.flotilla.order.pricing.UnsupportedCurrencyException;
import dev.flotilla.reference.Country;
import dev.flotilla.reference.ReferenceData;
import dev.flotilla.web.problem.InvalidFieldsException;
import dev.flotilla.web.problem.InvalidFieldsException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * The rules of a checkout request beyond bean validation: the country exists, the currency can be
 * paid in, the card number passes the Luhn check and the card has not expired.
 */
@Component
class CheckoutValidation {

    private final ReferenceData reference;
    private final Pricing pricing;
    private final Clock clock;

    CheckoutValidation(ReferenceData reference, Pricing pricing, Clock clock) {
        this.reference = reference;
        this.pricing = pricing;
        this.clock = clock;
    }

    Valid validate(CheckoutRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        CheckoutRequest.Address address = request.shippingAddress();
        Country country = reference.country(address.country()).orElse(null);
        if (country == null) {
            problems.add(new FieldProblem("shippingAddress.country", "is not a known country"));
        }
        CheckoutRequest.CardDetails card = request.payment();
        if (!Card.passesLuhn(card.cardNumber())) {
            problems.add(new FieldProblem("payment.cardNumber", "is not a valid card number (Luhn check)"));
        }
        if (YearMonth.of(card.expiryYear(), card.expiryMonth()).isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            problems.add(new FieldProblem("payment.expiryYear", "the card has expired"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        String currency = currency(request, country);
        return new Valid(new ShippingAddress(address.name(), address.line1(), address.line2(), address.city(),
                address.postalCode(), country.alpha2()), currency, new Card(card.cardNumber(), card.expiryMonth(), card.expiryYear()));
    }

    private String currency(CheckoutRequest request, Country country) {
        String currency = request.currency() != null ? request.currency().toUpperCase(Locale.ROOT) : country.currencyCode();
        if (currency == null) {
            throw new InvalidFieldsException("currency", "is required: " + country.name() + " has no currency of its own");
        }
        if (!pricing.supports(currency)) {
            throw new UnsupportedCurrencyException(currency, "has no reference exchange rate or minor units");
        }
        return currency;
    }

    /** A checked request, normalised: the country's alpha-2 code, the currency in upper case. */
    record Valid(ShippingAddress address, String currency, Card card) {
    }
}
