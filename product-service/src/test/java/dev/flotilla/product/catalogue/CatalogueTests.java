package dev.flotilla.product.catalogue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.flotilla.product.ProductApi;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import dev.flotilla.product.ProductServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ProductServiceTest
class CatalogueTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    StringRedisTemplate redis;

    ProductApi api;

    @BeforeEach
    void setUp() {
        api = new ProductApi(mvc);
    }

    @Test
    void createsAProductWithExactPriceNormalisedCodesAndAnEtag() throws Exception {
        Map<String, Object> book = ProductApi.book("The Hobbit", "12.9", 7);
        book.put("sku", "hobbit-" + System.nanoTime());
        book.put("price", Map.of("amount", 12.9, "currency", "eur"));

        JsonNode created = api.read(api.as(ProductApi.ADMIN, post("/api/products"), book)
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1.7.0\""))
                .andExpect(header().exists("Location")));

        assertThat(created.get("sku").asString()).startsWith("HOBBIT-");
        assertThat(created.get("price").get("amount").asString()).isEqualTo("12.90");
        assertThat(created.get("price").get("currency").asString()).isEqualTo("EUR");
        assertThat(created.get("availableStock").asLong()).isEqualTo(7);
        Document stored = mongo.getCollection("products").find(new Document("_id", new ObjectId(created.get("id").asString())))
                .first();
        assertThat(stored.get("price", Document.class).get("amount")).isInstanceOf(Decimal128.class);
    }

    static Stream<Arguments> invalidProducts() {
        return Stream.of(
                invalid("sku", body -> body.remove("sku")),
                invalid("sku", body -> body.put("sku", "has spaces")),
                invalid("name", body -> body.put("name", "")),
                invalid("category", body -> body.put("category", "no-such-category")),
                invalid("category", body -> body.put("category", "Books/../etc")),
                invalid("price.amount", body -> body.put("price", Map.of("amount", "-1", "currency", "EUR"))),
                invalid("price.amount", body -> body.put("price", Map.of("amount", "12.999", "currency", "EUR"))),
                invalid("price.amount", body -> body.put("price", Map.of("amount", "100.5", "currency", "JPY"))),
                invalid("price.currency", body -> body.put("price", Map.of("amount", "1", "currency", "XXX"))),
                invalid("price.currency", body -> body.put("price", Map.of("amount", "1", "currency", "EURO"))),
                invalid("attributes.isbn", body -> body.put("attributes", Map.of("author", "A", "isbn", "12345"))),
                invalid("attributes.author", body -> body.put("attributes", Map.of("isbn", "9780261103344"))),
                invalid("attributes.euSize", body -> body.put("attributes", Map.of("author", "A", "isbn", "9780261103344",
                        "euSize", 42))),
                invalid("attributes.pages", body -> body.put("attributes", Map.of("author", "A", "isbn", "9780261103344",
                        "pages", "many"))),
                invalid("attributes.pages", body -> body.put("attributes", Map.of("author", "A", "isbn", "9780261103344",
                        "pages", 12.5))),
                invalid("initialStock", body -> body.put("initialStock", -1)),
                invalid("status", body -> body.put("status", "ARCHIVED")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidProducts")
    void invalidProductsAreRejectedNamingTheFieldAndNothingIsStored(String field, Map<String, Object> body) throws Exception {
        long before = mongo.getCollection("products").countDocuments();
        api.as(ProductApi.ADMIN, post("/api/products"), body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
        assertThat(mongo.getCollection("products").countDocuments()).isEqualTo(before);
    }

    @Test
    void attributeSchemasDependOnTheTopLevelCategory() throws Exception {
        api.create(ProductApi.shoe("Trail Runner", "89.00", 42.5, "blue"));
        Map<String, Object> shoeWithBookAttributes = ProductApi.shoe("Odd Shoe", "50.00", 42, "red");
        shoeWithBookAttributes.put("attributes", Map.of("author", "Nobody", "euSize", 42, "colour", "red"));
        api.as(ProductApi.ADMIN, post("/api/products"), shoeWithBookAttributes).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attributes.author"));
    }

    @Test
    void aDuplicateSkuIsAConflict() throws Exception {
        Map<String, Object> book = ProductApi.book("First", "5.00", 1);
        api.create(book);
        api.as(ProductApi.ADMIN, post("/api/products"), book).andExpect(status().isConflict());
    }

    @Test
    void updatesNeedTheCurrentVersionAndAStaleOneGets412() throws Exception {
        Map<String, Object> book = ProductApi.book("Versioned", "5.00", 1);
        String id = api.create(book).get("id").asString();
        book.remove("status");
        book.remove("initialStock");
        book.put("name", "Versioned, second edition");

        api.as(ProductApi.ADMIN, put("/api/products/" + id), book).andExpect(status().isPreconditionRequired());
        api.as(ProductApi.ADMIN, put("/api/products/" + id).header("If-Match", "\"1.1.0\""), book).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2.1.0\""));
        book.put("name", "Versioned, lost update");
        api.as(ProductApi.ADMIN, put("/api/products/" + id).header("If-Match", "\"1\""), book)
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.detail").value(containsString("current version is 2")));
        api.as(ProductApi.ADMIN, put("/api/products/" + id).header("If-Match", "abc"), book).andExpect(status().isBadRequest());

        mvc.perform(get("/api/products/" + id)).andExpect(jsonPath("$.name").value("Versioned, second edition"));
    }

    @Test
    void anUpdateNeverOverwritesStockChangedMeanwhile() throws Exception {
        Map<String, Object> book = ProductApi.book("Stocked", "5.00", 10);
        String id = api.create(book).get("id").asString();
        api.as(ProductApi.ADMIN, post("/api/products/" + id + "/stock-adjustments"), Map.of("delta", -3, "reason", "damaged"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.availableStock").value(7));
        book.remove("status");
        book.remove("initialStock");
        api.as(ProductApi.ADMIN, put("/api/products/" + id).header("If-Match", "\"1\""), book).andExpect(status().isOk())
                .andExpect(jsonPath("$.availableStock").value(7));
        api.as(ProductApi.ADMIN, post("/api/products/" + id + "/stock-adjustments"), Map.of("delta", -8, "reason", "count"))
                .andExpect(status().isConflict());
        api.as(ProductApi.ADMIN, post("/api/products/" + id + "/stock-adjustments"), Map.of("delta", 0, "reason", "none"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theEtagChangesWithTheStockSoARevalidatedCopyIsNeverStale() throws Exception {
        String id = api.create(ProductApi.book("Revalidated", "5.00", 3)).get("id").asString();
        String etag = mvc.perform(get("/api/products/" + id)).andReturn().getResponse().getHeader("ETag");
        mvc.perform(get("/api/products/" + id).header("If-None-Match", etag)).andExpect(status().isNotModified());

        api.reserve("etag-1", List.of(ProductApi.line(id, 1))).andExpect(status().isCreated());
        mvc.perform(get("/api/products/" + id).header("If-None-Match", etag)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1.2.1\"")).andExpect(jsonPath("$.availableStock").value(2));
        mvc.perform(get("/api/products/" + id).header("If-None-Match", "\"1.2.1\"")).andExpect(status().isNotModified());
    }

    @Test
    void numbersMongoDbCannotStoreExactlyAreRejected() throws Exception {
        Map<String, Object> shoe = ProductApi.shoe("Precise Shoe", "50.00", 42, "red");
        shoe.put("attributes", Map.of("euSize", new BigDecimal("42.00000000000000000000000000000000000001"),
                "colour", "red"));
        api.as(ProductApi.ADMIN, post("/api/products"), shoe).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attributes.euSize"));
        mvc.perform(get("/api/products?minPrice=1e7000&currency=EUR")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("minPrice"));
        mvc.perform(get("/api/products?attr.euSize=42.00000000000000000000000000000000000001")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attr.euSize"));
    }

    @Test
    void readsAreCachedAndEveryWriteEvictsSoTheNextReadIsFresh() throws Exception {
        Map<String, Object> book = ProductApi.book("Cached", "5.00", 3);
        String id = api.create(book).get("id").asString();
        mvc.perform(get("/api/products/" + id)).andExpect(status().isOk());
        assertThat(redis.hasKey("product:" + id)).isTrue();

        book.remove("status");
        book.remove("initialStock");
        book.put("name", "Cached, renamed");
        api.as(ProductApi.ADMIN, put("/api/products/" + id).header("If-Match", "\"1\""), book).andExpect(status().isOk());
        mvc.perform(get("/api/products/" + id)).andExpect(jsonPath("$.name").value("Cached, renamed"));

        api.as(ProductApi.ADMIN, post("/api/products/" + id + "/stock-adjustments"), Map.of("delta", 4, "reason", "delivery"));
        mvc.perform(get("/api/products/" + id)).andExpect(jsonPath("$.availableStock").value(7));
    }

    @Test
    void aChangeMadeByAnotherReplicaReachesThisOneThroughTheInvalidationChannel() throws Exception {
        String id = api.create(ProductApi.book("Replicated", "5.00", 3)).get("id").asString();
        mvc.perform(get("/api/products/" + id)).andExpect(jsonPath("$.name").value("Replicated"));

        // What another replica does on a change: MongoDB first, then its cache evictions and the message.
        mongo.getCollection("products").updateOne(new Document("_id", new ObjectId(id)),
                new Document("$set", new Document("name", "Replicated elsewhere")));
        redis.delete("product:" + id);
        redis.convertAndSend("product:invalidations", id);

        await().atMost(Duration.ofMillis(500)).untilAsserted(() ->
                mvc.perform(get("/api/products/" + id)).andExpect(jsonPath("$.name").value("Replicated elsewhere")));
    }

    @Test
    void draftAndArchivedProductsAreHiddenFromThePublicButNotFromAdministrators() throws Exception {
        Map<String, Object> book = ProductApi.book("Hidden", "5.00", 3);
        book.put("status", "DRAFT");
        JsonNode created = api.create(book);
        String id = created.get("id").asString();

        mvc.perform(get("/api/products/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/products/sku/" + created.get("sku").asString())).andExpect(status().isNotFound());
        api.as(ProductApi.ADMIN, get("/api/products/" + id)).andExpect(status().isOk());

        api.as(ProductApi.ADMIN, put("/api/products/" + id + "/status"), Map.of("status", "ACTIVE")).andExpect(status().isOk());
        mvc.perform(get("/api/products/" + id)).andExpect(status().isOk());
        api.as(ProductApi.ADMIN, put("/api/products/" + id + "/status"), Map.of("status", "ARCHIVED")).andExpect(status().isOk());
        mvc.perform(get("/api/products/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void unknownIdsAndSkusAreNotFoundAndMalformedIdsBadRequests() throws Exception {
        mvc.perform(get("/api/products/000000000000000000000000")).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/products/not-an-object-id")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(get("/api/products/sku/NOPE-1")).andExpect(status().isNotFound());
        api.as(ProductApi.ADMIN, put("/api/products/000000000000000000000000/status"), Map.of("status", "ACTIVE"))
                .andExpect(status().isNotFound());
    }

    @Test
    void malformedBodiesWrongTypesAndHugeBodiesAreClientErrors() throws Exception {
        Map<String, Object> wrongType = ProductApi.book("Typed", "5.00", 1);
        wrongType.put("initialStock", "lots");
        api.as(ProductApi.ADMIN, post("/api/products"), wrongType).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("field 'initialStock' has a value of the wrong type or form"));
        Map<String, Object> unknown = ProductApi.book("Unknown", "5.00", 1);
        unknown.put("discount", 50);
        api.as(ProductApi.ADMIN, post("/api/products"), unknown).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("unknown field 'discount'"));
        Map<String, Object> huge = ProductApi.book("Huge", "5.00", 1);
        huge.put("description", "x".repeat(300_000));
        api.as(ProductApi.ADMIN, post("/api/products"), huge).andExpect(status().isContentTooLarge());
        mvc.perform(post("/api/products").header("Authorization", "Bearer " + ProductApi.ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content("{\"sku\":")).andExpect(status().isBadRequest());
    }

    private static Arguments invalid(String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = ProductApi.book("Invalid", "5.00", 1);
        change.accept(body);
        return Arguments.of(field, body);
    }
}
