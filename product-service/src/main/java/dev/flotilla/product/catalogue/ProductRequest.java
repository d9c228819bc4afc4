package dev.flotilla.product.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A product as an administrator sends it: {@code POST /api/products} creates one (then {@code status}
 * may be DRAFT or ACTIVE and {@code initialStock} sets the stock), {@code PUT /api/products/{id}}
 * replaces the details (then both must be absent: status and stock have endpoints of their own).
 */
public record ProductRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]*", message = "must be letters, digits and hyphens")
        String sku,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 5000) @Nullable String description,
        @NotBlank @Size(max = 64) String category,
        @NotNull @Valid Price price,
        @Nullable @Size(max = 30) Map<String, Object> attributes,
        @Nullable @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "must be an image id") String> imageIds,
        @Nullable ProductStatus status,
        @Nullable @PositiveOrZero @Max(1_000_000) Long initialStock) {

    /** A price: a positive decimal amount in an ISO 4217 currency. */
    public record Price(
            @NotNull @Positive @DecimalMax("1000000") BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
    }
}
