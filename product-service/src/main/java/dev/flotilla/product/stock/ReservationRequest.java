package dev.flotilla.product.stock;

import java.util.List;

import dev.flotilla.product.catalogue.ProductIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/stock/reservations}: the caller's own reservation id (a retry sends the same one;
 * kept exactly as sent, case included) and the lines, each product at most once. Product ids follow
 * {@link ProductIds}: either case, lower-cased before anything else looks at them.
 */
record ReservationRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1 to 64 letters, digits, - or _") String reservationId,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid LineRequest> lines) {

    /** Units of one product. */
    record LineRequest(@NotNull @Pattern(regexp = ProductIds.PATTERN, message = ProductIds.MESSAGE) String productId,
            @NotNull @Min(1) @Max(1000) Long quantity) {
    }
}
