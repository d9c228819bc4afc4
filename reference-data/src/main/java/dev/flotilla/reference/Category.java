package dev.flotilla.reference;

import org.jspecify.annotations.Nullable;

/**
 * A product category in the shop's category tree.
 *
 * @param slug unique identifier, lower-case words joined by hyphens ({@code running-shoes})
 * @param name display name
 * @param parentSlug slug of the parent category; null for a top-level category
 * @param level depth in the tree: 1 for top-level categories
 */
public record Category(String slug, String name, @Nullable String parentSlug, int level) {

    public boolean isTopLevel() {
        return parentSlug == null;
    }
}
