package dev.flotilla.product.catalogue;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes of {@code products} at startup, explicitly (creating an existing index is a
 * no-op, so every replica may run it): the unique SKU, the listing filters, and the search terms.
 * MongoDB's own text index is not used: the Mongo wire server of the tests has no {@code $text}, and
 * the search terms work the same on both.
 */
@Component
@Order(0)
class ProductIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    ProductIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        IndexOperations products = mongo.indexOps(Product.class);
        products.createIndex(new Index("sku", Direction.ASC).unique().named("sku_unique"));
        products.createIndex(new Index("status", Direction.ASC).on("categorySlug", Direction.ASC).on("name", Direction.ASC)
                .named("status_category_name"));
        products.createIndex(new Index("searchTerms", Direction.ASC).named("search_terms"));
        products.createIndex(new Index("holds.reservationId", Direction.ASC).named("holds_reservation"));
    }
}
