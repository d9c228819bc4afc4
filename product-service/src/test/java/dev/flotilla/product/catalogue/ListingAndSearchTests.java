package dev.flotilla.product.catalogue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.flotilla.product.ProductApi;
import dev.flotilla.product.ProductServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A small catalogue created once; every test only reads it. */
@ProductServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingAndSearchTests {

    @Autowired
    MockMvc mvc;

    ProductApi api;

    @BeforeAll
    void catalogue() throws Exception {
        api = new ProductApi(mvc);
        book("The Hobbit", "fantasy", "12.99", 5, "J. R. R. Tolkien", "A hobbit leaves the Shire for an adventure with dwarves");
        book("The Fellowship of the Ring", "fantasy", "19.99", 0, "J. R. R. Tolkien", "The ring must be destroyed in Mordor");
        book("Dune", "science-fiction", "15.50", 3, "Frank Herbert", "Spice, sand worms and the desert planet Arrakis");
        book("Murder on the Orient Express", "crime-thrillers", "9.99", 8, "Agatha Christie", "A detective on a snowbound train");
        book("A Brief History of Time", "non-fiction", "14.00", 2, "Stephen Hawking", "Black holes and the big bang, explained");
        api.create(ProductApi.shoe("Trail Runner Hobbit Edition", "89.00", 42.5, "green"));
        api.create(ProductApi.shoe("Road Runner", "120.00", 44, "blue"));
        Map<String, Object> draft = ProductApi.book("Unreleased Hobbit Sequel", "30.00", 1);
        draft.put("status", "DRAFT");
        api.create(draft);
    }

    @Test
    void listsActiveProductsByNameWithPaging() throws Exception {
        JsonNode first = list("?size=3");
        assertThat(names(first)).containsExactly("A Brief History of Time", "Dune", "Murder on the Orient Express");
        assertThat(first.get("totalItems").asLong()).isEqualTo(7);
        assertThat(first.get("totalPages").asInt()).isEqualTo(3);
        assertThat(names(list("?size=3&page=2"))).containsExactly("Trail Runner Hobbit Edition");
        assertThat(names(list("?size=3&page=5"))).isEmpty();
    }

    @Test
    void aCategoryFilterIncludesItsSubCategories() throws Exception {
        assertThat(names(list("?category=books"))).hasSize(5);
        assertThat(names(list("?category=fiction"))).containsExactly("Dune", "Murder on the Orient Express",
                "The Fellowship of the Ring", "The Hobbit");
        assertThat(names(list("?category=fantasy"))).containsExactly("The Fellowship of the Ring", "The Hobbit");
        assertThat(names(list("?category=SHOES"))).containsExactly("Road Runner", "Trail Runner Hobbit Edition");
        assertThat(names(list("?category=toys-games"))).isEmpty();
    }

    @Test
    void filtersByPriceAttributeAndStockAndSortsByPrice() throws Exception {
        assertThat(names(list("?minPrice=10&maxPrice=16&currency=eur&sort=price"))).containsExactly("The Hobbit",
                "A Brief History of Time", "Dune");
        assertThat(names(list("?attr.author=J. R. R. Tolkien"))).containsExactly("The Fellowship of the Ring", "The Hobbit");
        assertThat(names(list("?attr.euSize=42.5"))).containsExactly("Trail Runner Hobbit Edition");
        assertThat(names(list("?attr.colour=blue&category=shoes"))).containsExactly("Road Runner");
        assertThat(names(list("?category=fantasy&inStock=true"))).containsExactly("The Hobbit");
        assertThat(names(list("?sort=price,desc&size=2"))).containsExactly("Road Runner", "Trail Runner Hobbit Edition");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?category=no-such-thing", "?minPrice=10", "?minPrice=ten&currency=EUR", "?attr.flavour=vanilla",
            "?attr.pages=many", "?sort=popularity", "?sort=name,sideways", "?size=0", "?size=101", "?page=-1", "?inStock=yes",
            "?colour=red", "?category=' OR 1=1 --"})
    void badListingParametersAreBadRequests(String query) throws Exception {
        mvc.perform(get("/api/products" + query)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").exists());
    }

    static Stream<Arguments> hostileListingParameters() {
        return Stream.of(
                Arguments.of("currency", Map.of("currency", "QQQ", "minPrice", "1")),
                Arguments.of("currency", Map.of("currency", "QQQ")),
                Arguments.of("currency", Map.of("currency", "XAU", "maxPrice", "100")),
                Arguments.of("currency", Map.of("currency", "E\u0000R", "minPrice", "1")),
                Arguments.of("minPrice", Map.of("currency", "EUR", "minPrice", "20", "maxPrice", "10")),
                Arguments.of("minPrice", Map.of("currency", "EUR", "minPrice", "-1")),
                Arguments.of("maxPrice", Map.of("currency", "EUR", "maxPrice", "NaN")),
                Arguments.of("maxPrice", Map.of("currency", "EUR", "maxPrice", "1e999999999")),
                Arguments.of("page", Map.of("page", "-1")),
                Arguments.of("page", Map.of("page", "99999999999")),
                Arguments.of("size", Map.of("size", "2147483648")),
                Arguments.of("size", Map.of("size", "twenty")),
                Arguments.of("category", Map.of("category", "fan\u0000tasy")),
                Arguments.of("attr.colour", Map.of("attr.colour", "bl\u0000ue")),
                Arguments.of("attr.author", Map.of("attr.author", "Tolkien\u0000")),
                Arguments.of("attr.author", Map.of("attr.author", "x".repeat(201))),
                Arguments.of("sort", Map.of("sort", "name\u0000")));
    }

    @ParameterizedTest
    @MethodSource("hostileListingParameters")
    void hostileListingParametersAreBadRequestsNamingTheField(String field, Map<String, String> parameters) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/products");
        parameters.forEach(request::param);
        mvc.perform(request).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
    }

    @Test
    void aCurrencyAloneFiltersByItAndAnyCaseIsAccepted() throws Exception {
        assertThat(names(list("?currency=eur&size=100"))).hasSize(7);
        assertThat(names(list("?currency=USD"))).isEmpty();
        assertThat(names(list("?minPrice=12.99&maxPrice=12.99&currency=EUR"))).containsExactly("The Hobbit");
    }

    @Test
    void controlCharactersInSearchesAndMalformedSkusAreBadRequests() throws Exception {
        mvc.perform(get("/api/products/search").param("q", "hob\u0000bit")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/products/sku/{sku}", "SKU_1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sku"));
        // An encoded NUL in a path is refused by Spring Security's firewall, before any controller.
        mvc.perform(get("/api/products/sku/{sku}", "SKU\u0000-1")).andExpect(status().isBadRequest());
    }

    @Test
    void administratorsAlsoSeeDrafts() throws Exception {
        JsonNode all = api.read(api.as(ProductApi.ADMIN, get("/api/products?size=100")));
        JsonNode published = list("?size=100");
        assertThat(names(all)).contains("Unreleased Hobbit Sequel");
        assertThat(names(published)).doesNotContain("Unreleased Hobbit Sequel");
        assertThat(all.get("totalItems").asLong()).isGreaterThan(published.get("totalItems").asLong());
    }

    @Test
    void searchRanksNameMatchesFirstAndIgnoresCaseAccentsAndPlurals() throws Exception {
        assertThat(names(search("hobbit"))).containsExactly("The Hobbit", "Trail Runner Hobbit Edition");
        assertThat(names(search("HOBBITS adventure"))).first().isEqualTo("The Hobbit");
        assertThat(names(search("ring"))).containsExactly("The Fellowship of the Ring");
        assertThat(names(search("desert planet"))).containsExactly("Dune");
        assertThat(names(search("trâin"))).containsExactly("Murder on the Orient Express");
        assertThat(names(search("runner"))).containsExactly("Road Runner", "Trail Runner Hobbit Edition");
        assertThat(names(search("nothing-matches-this"))).isEmpty();
        assertThat(names(search("sequel"))).as("drafts are not found").isEmpty();
    }

    @Test
    void searchNeedsAWordAndPagesItsResults() throws Exception {
        for (String onlyStopWordsOrBlank : List.of("a", " ", "the of and", "x".repeat(201))) {
            mvc.perform(get("/api/products/search").param("q", onlyStopWordsOrBlank)).andExpect(status().isBadRequest());
        }
        mvc.perform(get("/api/products/search")).andExpect(status().isBadRequest());
        JsonNode tolkien = api.read(mvc.perform(get("/api/products/search?q=ring hobbit&size=1&page=1")));
        assertThat(tolkien.get("totalItems").asLong()).isEqualTo(3);
        assertThat(tolkien.get("items").values()).hasSize(1);
    }

    @Test
    void theCategoryTreeCountsActiveProductsInEachSubtree() throws Exception {
        JsonNode tree = api.read(mvc.perform(get("/api/categories")).andExpect(status().isOk()));
        JsonNode books = find(tree, "books");
        assertThat(books.get("productCount").asLong()).isZero();
        assertThat(books.get("totalProductCount").asLong()).isEqualTo(5);
        JsonNode fiction = find(books.get("children"), "fiction");
        assertThat(fiction.get("totalProductCount").asLong()).isEqualTo(4);
        assertThat(find(fiction.get("children"), "fantasy").get("productCount").asLong()).isEqualTo(2);
        assertThat(find(tree, "shoes").get("totalProductCount").asLong()).isEqualTo(2);
        assertThat(tree.values()).hasSize(8);
    }

    @Test
    void archivingRemovesAProductFromListingsSearchAndCounts() throws Exception {
        String id = api.create(ProductApi.book("Ephemeral Almanac", "5.00", 1)).get("id").asString();
        assertThat(names(search("almanac"))).containsExactly("Ephemeral Almanac");
        api.as(ProductApi.ADMIN, put("/api/products/" + id + "/status"), Map.of("status", "ARCHIVED")).andExpect(status().isOk());
        assertThat(names(search("almanac"))).isEmpty();
        assertThat(names(list("?category=fantasy"))).doesNotContain("Ephemeral Almanac");
    }

    private void book(String name, String category, String price, long stock, String author, String description)
            throws Exception {
        Map<String, Object> body = ProductApi.book(name, price, stock);
        body.put("category", category);
        body.put("description", description);
        body.put("attributes", Map.of("author", author, "isbn", "9780261103344"));
        api.create(body);
    }

    private JsonNode list(String query) throws Exception {
        return api.read(mvc.perform(get("/api/products" + query)).andExpect(status().isOk()));
    }

    private JsonNode search(String q) throws Exception {
        return api.read(mvc.perform(get("/api/products/search").param("q", q)).andExpect(status().isOk()));
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").values().stream().map(item -> item.get("name").asString()).toList();
    }

    private static JsonNode find(JsonNode nodes, String slug) {
        return nodes.values().stream().filter(node -> node.get("slug").asString().equals(slug)).findFirst().orElseThrow();
    }
}
