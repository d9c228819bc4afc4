package dev.flotilla.analytics.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.flotilla.analytics.aggregate.Dimension;
import dev.flotilla.testing.MongoEngine;
import dev.flotilla.testing.RedisEngine;
import dev.flotilla.testing.TestJwtIssuer;
import org.bson.RawBsonDocument;

/**
 * One configuration under test: {@code consumers} analytics-service JVMs sharing a fresh Redis database
 * (so a stream and a consumer group of their own) and a fresh Mongo database, each with a consumer name
 * and a report cache file of its own. Closing it stops every JVM and drops the Mongo database.
 */
final class Deployment implements AutoCloseable {

    /** Where everything this benchmark starts comes from. */
    record Setup(Path jar, List<String> jvmFlags, Path output, RedisEngine redis, MongoEngine mongo) {
    }

    private final List<AnalyticsServiceProcess> services = new ArrayList<>();
    private final OrderEventStreamClient stream;
    private final MongoClient mongo;
    private final String database;

    private Deployment(Setup setup, int consumers) throws IOException {
        int redisDatabase = setup.redis().allocateDatabase();
        this.database = "analytics_" + consumers + "c_" + UUID.randomUUID().toString().substring(0, 8);
        this.stream = new OrderEventStreamClient(setup.redis().host(), setup.redis().port(), redisDatabase);
        this.mongo = MongoClients.create(setup.mongo().uri(database));
        for (int i = 1; i <= consumers; i++) {
            String name = "analytics-" + consumers + "c-" + i;
            Path cache = cacheFile(setup, name);
            services.add(AnalyticsServiceProcess.launch(name, setup.jar(), setup.jvmFlags(), Map.of(
                    "FLOTILLA_ANALYTICS_MONGODB_URI", setup.mongo().uri(database),
                    "FLOTILLA_REDIS_HOST", setup.redis().host(),
                    "FLOTILLA_REDIS_PORT", Integer.toString(setup.redis().port()),
                    "SPRING_DATA_REDIS_DATABASE", Integer.toString(redisDatabase),
                    "FLOTILLA_JWKS_URI", TestJwtIssuer.shared().jwkSetUri(),
                    "FLOTILLA_ANALYTICS_CACHE_PATH", cache.toString(),
                    "FLOTILLA_ANALYTICS_CONSUMER_NAME", name), setup.output().resolve(name + ".log")));
        }
    }

    /** Starts the JVMs side by side and waits until every one is ready; stops them all if one fails. */
    static Deployment start(Setup setup, int consumers) throws IOException, InterruptedException {
        Deployment deployment = new Deployment(setup, consumers);
        try {
            for (AnalyticsServiceProcess service : deployment.services) {
                service.awaitReady();
                Path cache = cacheFile(setup, service.name());
                if (!Files.isRegularFile(cache)) {
                    throw new IllegalStateException("FLOTILLA_ANALYTICS_CACHE_PATH was not bound: no report cache at " + cache);
                }
            }
            return deployment;
        } catch (RuntimeException e) {
            deployment.close();
            throw e;
        }
    }

    List<AnalyticsServiceProcess> services() {
        return services;
    }

    OrderEventStreamClient stream() {
        return stream;
    }

    /** Events recorded as applied ({@code processed_events}, one document per event applied). */
    long processedEvents() {
        return mongo.getDatabase(database).getCollection("processed_events").countDocuments();
    }

    /**
     * A bucket collection at the end: its documents, the claim tokens they remember (the markers that make
     * every update idempotent, forgotten once the batch is applied), and their BSON size.
     */
    record BucketSizes(String collection, int documents, double meanMarkers, int maxMarkers, double meanBytes, int maxBytes) {
    }

    List<BucketSizes> bucketSizes() {
        List<BucketSizes> sizes = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            List<Integer> markers = new ArrayList<>();
            List<Integer> bytes = new ArrayList<>();
            for (RawBsonDocument bucket : mongo.getDatabase(database).getCollection(dimension.collection(), RawBsonDocument.class).find()) {
                markers.add(bucket.containsKey("events") ? bucket.getArray("events").size() : 0);
                bytes.add(bucket.getByteBuffer().remaining());
            }
            sizes.add(new BucketSizes(dimension.collection(), markers.size(),
                    markers.stream().mapToInt(Integer::intValue).average().orElse(0), markers.stream().mapToInt(Integer::intValue).max().orElse(0),
                    bytes.stream().mapToInt(Integer::intValue).average().orElse(0), bytes.stream().mapToInt(Integer::intValue).max().orElse(0)));
        }
        return sizes;
    }

    void checkAlive() {
        services.forEach(AnalyticsServiceProcess::checkAlive);
    }

    @Override
    public void close() throws InterruptedException {
        for (AnalyticsServiceProcess service : services) {
            service.close();
        }
        stream.close();
        try {
            // The Mongo server keeps everything in this JVM's heap.
            mongo.getDatabase(database).drop();
        } finally {
            mongo.close();
        }
    }

    private static Path cacheFile(Setup setup, String name) {
        return setup.output().resolve(name).resolve("report-cache.db");
    }
}
