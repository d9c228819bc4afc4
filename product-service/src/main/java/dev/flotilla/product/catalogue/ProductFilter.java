package dev.flotilla.product.catalogue;

import java.math.BigDecimal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /api/products} may filter and sort by.
 *
 * @param category a category slug; its sub-categories are included
 * @param minPrice lowest price, inclusive (needs {@code currency})
 * @param maxPrice highest price, inclusive (needs {@code currency})
 * @param currency the currency of the price bounds; only products priced in it match
 * @param attributes attribute equals value, from {@code attr.<name>=<value>} parameters
 * @param inStock only products with available stock
 * @param sort {@code name}, {@code price} or {@code createdAt}, optionally with {@code ,desc}
 */
record ProductFilter(@Nullable String category, @Nullable BigDecimal minPrice, @Nullable BigDecimal maxPrice,
        @Nullable String currency, Map<String, String> attributes, boolean inStock, String sort, int page, int size) {
}
