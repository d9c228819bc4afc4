package dev.flotilla.order.checkout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/orders}: where the cart's contents go, in which currency they are paid (default:
 * the shipping country's), and the card.
 */
record CheckoutRequest(@NotNull @Valid Address shippingAddress,
        @Nullable @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code") String currency,
        @NotNull @Valid CardDetails payment) {

    /** A shipping address; the country must exist in the reference data. */
    record Address(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String line1,
            @Nullable @Size(min = 1, max = 200) String line2, @NotBlank @Size(max = 100) String city,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 -]{0,18}[A-Za-z0-9]|[A-Za-z0-9]", message = "must be 1 to 20 letters, digits, spaces or hyphens") String postalCode,
            @NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country) {
    }

    /** The card: number (12 to 19 digits, Luhn-valid), expiry month and year (not in the past). */
    record CardDetails(@NotNull @Pattern(regexp = "[0-9]{12,19}", message = "must be 12 to 19 digits") String cardNumber,
            @NotNull @Min(1) @Max(12) Integer expiryMonth, @NotNull @Min(2000) @Max(2099) Integer expiryYear) {

        @Override
        public String toString() {
            return "CardDetails[****" + (cardNumber == null || cardNumber.length() < 4 ? "" : cardNumber.substring(cardNumber.length() - 4)) + "]";
        }
    }
}
