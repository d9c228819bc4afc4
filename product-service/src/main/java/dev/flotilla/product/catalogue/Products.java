package dev.flotilla.product.catalogue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code products} collection. Every change is a targeted, conditional update: details with the
 * expected version, status alone, stock with {@code $inc} guarded so that it never goes below zero.
 */
@Repository
class Products {

    private final MongoTemplate mongo;

    Products(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Product insert(Product product) {
        return mongo.insert(product);
    }

    Optional<Product> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Product.class));
    }

    Optional<Product> findBySku(String sku) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("sku").is(sku)), Product.class));
    }

    /** Replaces the details if the stored version is still {@code expectedVersion}; empty otherwise. */
    Optional<Product> updateDetails(String id, long expectedVersion, ProductRules.Details details, Instant now) {
        Update update = new Update().set("sku", details.sku()).set("name", details.name())
                .set("description", details.description()).set("categorySlug", details.categorySlug())
                .set("price", details.price()).set("attributes", details.attributes()).set("imageIds", details.imageIds())
                .set("searchTerms", details.searchTerms()).set("updatedAt", now).inc("version", 1);
        return modify(Criteria.where("_id").is(id).and("version").is(expectedVersion), update);
    }

    Optional<Product> updateStatus(String id, ProductStatus status, Instant now) {
        return modify(Criteria.where("_id").is(id),
                new Update().set("status", status).set("updatedAt", now).inc("version", 1));
    }

    /** Adds {@code delta} (possibly negative) to the available stock, unless that would go below zero. */
    Optional<Product> adjustStock(String id, long delta, Instant now) {
        Criteria criteria = Criteria.where("_id").is(id);
        if (delta < 0) {
            criteria = criteria.and("stock.available").gte(-delta);
        }
        return modify(criteria, new Update().inc("stock.available", delta).set("updatedAt", now));
    }

    List<Product> find(Query query) {
        return mongo.find(query, Product.class);
    }

    long count(Query query) {
        return mongo.count(Query.of(query).limit(0).skip(0), Product.class);
    }

    /** Number of active products per category slug. */
    Map<String, Long> activeCountsByCategory() {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("status").is(ProductStatus.ACTIVE)),
                Aggregation.group("categorySlug").count().as("count"));
        Map<String, Long> counts = new HashMap<>();
        for (Document row : mongo.aggregate(aggregation, Product.COLLECTION, Document.class)) {
            counts.put(row.getString("_id"), ((Number) row.get("count")).longValue());
        }
        return counts;
    }

    private Optional<Product> modify(Criteria criteria, Update update) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(criteria), update,
                FindAndModifyOptions.options().returnNew(true), Product.class));
    }
}
