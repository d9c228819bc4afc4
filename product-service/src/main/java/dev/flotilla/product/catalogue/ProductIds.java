package dev.flotilla.product.catalogue;

import java.util.Locale;

/**
 * The one rule for product ids wherever a client sends one (a path such as
 * {@code /api/products/{id}}, a reservation line): 24 hexadecimal digits, the text form of the
 * product's MongoDB ObjectId. Either case is accepted, since hexadecimal has no case, and the id is
 * lower-cased at the edge, so two spellings can never pass for two products (in a duplicate check, a
 * hold, a cache key). Anything else is a 400 naming the field; a well-formed id of no product is a 404.
 * Checked with {@code @Pattern(regexp = PATTERN, message = MESSAGE)}, then {@link #canonical}.
 */
public final class ProductIds {

    /** A product id in either case. */
    public static final String PATTERN = "[0-9a-fA-F]{24}";
    public static final String MESSAGE = "must be a product id: 24 hexadecimal digits";

    private ProductIds() {
    }

    /** The canonical (lower-case) spelling of an id that matched {@link #PATTERN}. */
    public static String canonical(String id) {
        if (!id.matches(PATTERN)) {
            throw new IllegalArgumentException("not a product id: " + id);
        }
        return id.toLowerCase(Locale.ROOT);
    }
}
