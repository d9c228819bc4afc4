package dev.flotilla.order.cart;

import dev.flotilla.order.catalogue.ProductIds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/** The bodies and parameters the cart endpoints take. */
final class CartRequests {

    /** No single request asks for more units than this; the cart's own limits are lower and configurable. */
    static final int MAX_QUANTITY = 1000;

    private CartRequests() {
    }

    /** {@code POST /api/cart/lines}: units of a product to add. */
    record AddLine(@NotNull @Pattern(regexp = ProductIds.PATTERN, message = ProductIds.MESSAGE) String productId,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }

    /** {@code PUT /api/cart/lines/{productId}}: the line's new quantity (remove a line with DELETE). */
    record SetQuantity(@NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }

    /**
     * {@code GET /api/cart?currency=&country=}.
     *
     * @param currency ISO 4217, default EUR
     * @param country ISO 3166-1 alpha-2 of the shipping country; with it, the totals include its tax
     */
    record ViewParameters(@Nullable @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code: 3 capital letters") String currency,
            @Nullable @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code: 2 capital letters") String country) {

        String currencyOrDefault() {
            return currency == null ? "EUR" : currency;
        }
    }
}
