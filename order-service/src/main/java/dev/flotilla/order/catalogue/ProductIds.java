package dev.flotilla.order.catalogue;

import java.util.Locale;

/**
 * product-service's rule for product ids: 24 hexadecimal digits in either case, lower-cased before
 * use, so two spellings never pass for two products. Checked with
 * {@code @Pattern(regexp = PATTERN, message = MESSAGE)} at the web edge.
 */
public final class ProductIds {

    public static final String PATTERN = "[0-9a-fA-F]{24}";
    public static final String MESSAGE = "must be a product id: 24 hexadecimal digits";

    private ProductIds() {
    }

    public static boolean isValid(String id) {
        return id != null && id.matches(PATTERN);
    }

    /** The lower-case spelling of a valid id. */
    public static String canonical(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("not a product id: " + id);
        }
        return id.toLowerCase(Locale.ROOT);
    }
}
