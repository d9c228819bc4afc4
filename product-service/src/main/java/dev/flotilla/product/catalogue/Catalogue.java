package dev.flotilla.product.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.flotilla.product.catalogue.CatalogueExceptions.ProductNotFoundException;
import dev.flotilla.product.catalogue.CatalogueExceptions.SkuTakenException;
import dev.flotilla.product.catalogue.CatalogueExceptions.StaleVersionException;
import dev.flotilla.product.catalogue.CatalogueExceptions.StockTooLowException;
import dev.flotilla.web.problem.InvalidFieldsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The catalogue: administrators create and change products, everyone reads the active ones. Reads of
 * a single product go through the Redis cache; every write evicts it after MongoDB accepted it.
 */
@Service
public class Catalogue {

    private static final Logger log = LoggerFactory.getLogger(Catalogue.class);

    private final Products products;
    private final ProductRules rules;
    private final ProductQueries queries;
    private final ProductCache cache;
    private final Clock clock;

    Catalogue(Products products, ProductRules rules, ProductQueries queries, ProductCache cache, Clock clock) {
        this.products = products;
        this.rules = rules;
        this.queries = queries;
        this.cache = cache;
        this.clock = clock;
    }

    ProductView create(ProductRequest request) {
        if (request.status() == ProductStatus.ARCHIVED) {
            throw new InvalidFieldsException("status", "a new product is DRAFT or ACTIVE");
        }
        ProductRules.Details details = rules.check(request);
        Instant now = clock.instant();
        long stock = request.initialStock() == null ? 0 : request.initialStock();
        Product product = new Product(null, details.sku(), details.name(), details.description(), details.categorySlug(),
                details.price(), details.attributes(), details.imageIds(), new Product.Stock(stock, 0), List.of(),
                request.status() == null ? ProductStatus.DRAFT : request.status(), details.searchTerms(), 1, now, now);
        try {
            return ProductView.of(products.insert(product));
        } catch (DuplicateKeyException e) {
            throw new SkuTakenException(details.sku());
        }
    }

    ProductView update(String id, long expectedVersion, ProductRequest request) {
        if (request.status() != null || request.initialStock() != null) {
            throw new InvalidFieldsException(request.status() != null ? "status" : "initialStock",
                    "cannot be changed by an update; use the status and stock endpoints");
        }
        ProductRules.Details details = rules.check(request);
        try {
            Product updated = products.updateDetails(id, expectedVersion, details, clock.instant())
                    .orElseThrow(() -> new StaleVersionException(find(id).version()));
            cache.evict(id);
            return ProductView.of(updated);
        } catch (DuplicateKeyException e) {
            throw new SkuTakenException(details.sku());
        }
    }

    ProductView changeStatus(String id, ProductStatus status) {
        Product updated = products.updateStatus(id, status, clock.instant()).orElseThrow(() -> new ProductNotFoundException(id));
        cache.evict(id);
        return ProductView.of(updated);
    }

    ProductView adjustStock(String id, long delta, String reason) {
        Product updated = products.adjustStock(id, delta, clock.instant())
                .orElseThrow(() -> new StockTooLowException(find(id).stock().available()));
        cache.evict(id);
        log.info("Stock of {} adjusted by {} to {} available: {}", id, delta, updated.stock().available(), reason);
        return ProductView.of(updated);
    }

    /** A product by id, as JSON ready to send; hidden (not active) products only for administrators. */
    ProductCache.Entry get(String id, boolean includeHidden) {
        ProductCache.Entry entry = cache.get(id).orElseGet(() -> {
            ProductCache.Entry loaded = cache.entry(ProductView.of(find(id)));
            cache.put(id, loaded);
            return loaded;
        });
        if (!entry.isActive() && !includeHidden) {
            throw new ProductNotFoundException(id);
        }
        return entry;
    }

    ProductView bySku(String sku, boolean includeHidden) {
        Product product = products.findBySku(sku.toUpperCase(Locale.ROOT)).filter(found -> includeHidden || found.isActive())
                .orElseThrow(() -> new ProductNotFoundException("with SKU " + sku));
        return ProductView.of(product);
    }

    ProductPage list(ProductFilter filter, boolean includeHidden) {
        Query query = queries.listing(filter, includeHidden);
        List<ProductView> items = products.find(query).stream().map(ProductView::of).toList();
        return ProductPage.of(items, filter.page(), filter.size(), products.count(query));
    }

    /** Active products per category slug (the category itself, not its descendants). */
    public Map<String, Long> activeCountsByCategory() {
        return products.activeCountsByCategory();
    }

    private Product find(String id) {
        return products.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
    }
}
