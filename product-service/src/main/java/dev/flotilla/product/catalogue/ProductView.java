package dev.flotilla.product.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A product as the API shows it. The price amount is a string ({@code "19.99"}) so that no client
 * reads it as a binary float.
 */
public record ProductView(String id, String sku, String name, String description, String category, PriceView price,
        Map<String, Object> attributes, List<String> imageIds, long availableStock, long reservedStock, boolean inStock,
        ProductStatus status, long version, Instant createdAt, Instant updatedAt) {

    /** An exact price. */
    public record PriceView(String amount, String currency) {
    }

    /**
     * The entity tag: the version, which {@code If-Match} must repeat for an update, followed by the
     * stock, which changes without a new version, so a cached copy is never revalidated when only the
     * stock moved ({@code "3.12.2"}: version 3, 12 available, 2 reserved).
     */
    String etag() {
        return version + "." + availableStock + "." + reservedStock;
    }

    static ProductView of(Product product) {
        return new ProductView(product.id(), product.sku(), product.name(), product.description(), product.categorySlug(),
                new PriceView(product.price().amount().toPlainString(), product.price().currency()),
                product.attributes(), product.imageIds(), product.stock().available(), product.stock().reserved(),
                product.stock().available() > 0, product.status(), product.version(), product.createdAt(),
                product.updatedAt());
    }
}
