package dev.flotilla.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Typed, read-only access to the reference data file {@code reference.db}: countries, currencies,
 * cities, exchange and tax rates, and the product category tree. Thread-safe; open it once per
 * application and close it at shutdown.
 *
 * <p>Input rules, the same for every lookup: codes are matched case-insensitively (normalised to upper
 * case for ISO codes and to lower case for slugs); a code that is null fails with a
 * {@link NullPointerException}, one that is blank, of the wrong length or has other characters
 * (including surrounding spaces) fails with an {@link IllegalArgumentException} naming the value; a
 * well-formed code that does not exist gives an empty result.
 */
public final class ReferenceData implements AutoCloseable {

    static final String BUNDLED_RESOURCE = "reference.db";
    static final int MAX_PAGE_SIZE = 1000;

    private static final String CATEGORY_TREE = """
            WITH RECURSIVE tree (slug, name, parent_slug, level, path) AS (
                SELECT slug, name, parent_slug, 1, slug FROM category WHERE parent_slug IS NULL
                UNION ALL
                SELECT c.slug, c.name, c.parent_slug, t.level + 1, t.path || ' ' || c.slug
                  FROM category c JOIN tree t ON c.parent_slug = t.slug
            )
            SELECT slug, name, parent_slug, level FROM tree ORDER BY path
            """;

    private final ReadOnlyConnections connections;
    private final @Nullable Path extractedFile;
    private final ReferenceDataInfo info;
    private final List<Category> categoryTree;

    private ReferenceData(Path file, @Nullable Path extractedFile, int connections) {
        this.connections = new ReadOnlyConnections(file, connections);
        this.extractedFile = extractedFile;
        try {
            this.info = readInfo(file);
            this.categoryTree = List.copyOf(this.connections.list(CATEGORY_TREE, Rows::category));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Opens a reference-data file, e.g. one that a container image carries in a layer of its own. */
    public static ReferenceData open(Path file) {
        return open(file, defaultConnections());
    }

    /** Opens a reference-data file with the given number of pooled read-only connections. */
    public static ReferenceData open(Path file, int connections) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("reference data file " + file + " does not exist or is not readable");
        }
        requirePositive(connections);
        return new ReferenceData(file, null, connections);
    }

    /**
     * Opens the file shipped in this library's jar. SQLite cannot read a file inside a jar, so it is
     * first copied to a temporary file, which {@link #close()} (or JVM exit) deletes.
     */
    public static ReferenceData openBundled() {
        return openBundled(defaultConnections());
    }

    /** Opens the file shipped in this library's jar with the given number of pooled connections. */
    public static ReferenceData openBundled(int connections) {
        requirePositive(connections);
        Path file = BundledFile.extract(BUNDLED_RESOURCE);
        try {
            return new ReferenceData(file, file, connections);
        } catch (RuntimeException e) {
            BundledFile.delete(file);
            throw e;
        }
    }

    /** The temporary copy of the bundled file, if this instance made one. */
    Optional<Path> extractedFile() {
        return Optional.ofNullable(extractedFile);
    }

    public ReferenceDataInfo info() {
        return info;
    }

    /** A country by alpha-2 ({@code DE}), alpha-3 ({@code DEU}) or numeric ({@code 276}) code. */
    public Optional<Country> country(String code) {
        Codes.CountryCode country = Codes.country(code);
        return connections.one("SELECT * FROM country WHERE " + country.column() + " = ?", Rows::country,
                country.value());
    }

    /** All countries, ordered by alpha-2 code. */
    public List<Country> countries() {
        return connections.list("SELECT * FROM country ORDER BY alpha2", Rows::country);
    }

    public Optional<Currency> currency(String code) {
        return connections.one("SELECT * FROM currency WHERE code = ?", Rows::currency, Codes.currency(code));
    }

    /** All currencies, ordered by code. */
    public List<Currency> currencies() {
        return connections.list("SELECT * FROM currency ORDER BY code", Rows::currency);
    }

    /** A city by its GeoNames id. */
    public Optional<City> city(long id) {
        return connections.one("SELECT * FROM city WHERE id = ?", Rows::city, id);
    }

    /**
     * Cities of a country, largest first (ties by id), one page at a time.
     *
     * @param countryCode ISO 3166-1 alpha-2 code
     * @param page zero-based page number, at least 0
     * @param size page size, 1 to {@value #MAX_PAGE_SIZE}
     */
    public Page<City> cities(String countryCode, int page, int size) {
        String country = Codes.alpha2(countryCode);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be at least 0 and size between 1 and " + MAX_PAGE_SIZE
                    + ", got page " + page + " and size " + size);
        }
        long total = connections.one("SELECT count(*) FROM city WHERE country_code = ?", row -> row.getLong(1), country)
                .orElse(0L);
        List<City> items = connections.list("""
                SELECT * FROM city WHERE country_code = ?
                 ORDER BY population DESC, id LIMIT ? OFFSET ?
                """, Rows::city, country, size, (long) page * size);
        return new Page<>(items, page, size, total);
    }

    /** The exchange rate of a currency against the euro. */
    public Optional<ExchangeRate> exchangeRate(String currencyCode) {
        return connections.one("SELECT * FROM exchange_rate WHERE currency_code = ?", Rows::exchangeRate,
                Codes.currency(currencyCode));
    }

    /** All exchange rates, ordered by currency code. */
    public List<ExchangeRate> exchangeRates() {
        return connections.list("SELECT * FROM exchange_rate ORDER BY currency_code", Rows::exchangeRate);
    }

    /** The standard consumption-tax rate of a country (alpha-2 code); empty where the country has none. */
    public Optional<TaxRate> taxRate(String countryCode) {
        return connections.one("SELECT * FROM tax_rate WHERE country_code = ?", Rows::taxRate,
                Codes.alpha2(countryCode));
    }

    public Optional<Category> category(String slug) {
        String normalised = Codes.slug(slug);
        return categoryTree.stream().filter(category -> category.slug().equals(normalised)).findFirst();
    }

    /** The whole category tree, depth first: every category directly after its parent's earlier children. */
    public List<Category> categories() {
        return categoryTree;
    }

    /** A category followed by all its descendants, depth first; empty if the slug does not exist. */
    public List<Category> categorySubtree(String slug) {
        String normalised = Codes.slug(slug);
        List<Category> subtree = new ArrayList<>();
        for (Category category : categoryTree) {
            if (subtree.isEmpty()) {
                if (category.slug().equals(normalised)) {
                    subtree.add(category);
                }
            } else if (category.level() > subtree.getFirst().level()) {
                subtree.add(category);
            } else {
                break;
            }
        }
        return List.copyOf(subtree);
    }

    @Override
    public void close() {
        connections.close();
        if (extractedFile != null) {
            BundledFile.delete(extractedFile);
        }
    }

    private ReferenceDataInfo readInfo(Path file) {
        try {
            String version = infoValue("schema_version");
            String checksum = infoValue("content_checksum");
            return new ReferenceDataInfo(version, checksum);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(file + " is not a Flotilla reference data file: " + e.getMessage(), e);
        }
    }

    private String infoValue(String key) {
        return connections.one("SELECT value FROM dataset_info WHERE key = ?", row -> row.getString(1), key)
                .orElseThrow(() -> new IllegalStateException("dataset_info has no " + key));
    }

    private static void requirePositive(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("at least one connection is needed, got " + connections);
        }
    }

    private static int defaultConnections() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }
}
