package dev.flotilla.product.catalogue;

import java.util.List;

/** One page of products. */
public record ProductPage(List<ProductView> items, int page, int size, long totalItems, int totalPages) {

    static ProductPage of(List<ProductView> items, int page, int size, long totalItems) {
        return new ProductPage(items, page, size, totalItems, (int) Math.ceilDiv(totalItems, size));
    }
}
