package dev.flotilla.product.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A product as stored in the {@code products} collection. Writes never replace the whole document:
 * the details change with a version check, the stock only through conditional {@code $inc} updates,
 * so neither can overwrite the other.
 *
 * @param stock available and reserved units
 * @param holds the reservations currently holding stock of this product; each applies at most once
 * @param searchTerms the words of the name and description, for text search
 * @param version incremented by every change of the details (not of the stock)
 */
@Document(Product.COLLECTION)
public record Product(@Id @Nullable String id, String sku, String name, String description, String categorySlug,
        Money price, Map<String, Object> attributes, List<String> imageIds, Stock stock, List<Hold> holds,
        ProductStatus status, List<String> searchTerms, long version, Instant createdAt, Instant updatedAt) {

    public static final String COLLECTION = "products";

    /** Stock of a product: never negative. */
    public record Stock(long available, long reserved) {
    }

    /**
     * Units held by one reservation, since {@code heldAt} (null on holds written before the field
     * existed; they count as old).
     */
    public record Hold(String reservationId, long quantity, @Nullable Instant heldAt) {
    }

    public boolean isActive() {
        return status == ProductStatus.ACTIVE;
    }
}
