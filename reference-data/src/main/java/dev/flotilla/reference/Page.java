package dev.flotilla.reference;

import java.util.List;

/**
 * One page of a longer, stably ordered result.
 *
 * @param items the items of this page (fewer than {@code size} on the last page)
 * @param page zero-based page number
 * @param size requested page size
 * @param totalItems number of items over all pages
 */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public Page {
        if (page < 0 || size < 1 || totalItems < 0) {
            throw new IllegalArgumentException("page must be at least 0, size at least 1 and totalItems at least 0, got "
                    + page + ", " + size + ", " + totalItems);
        }
        items = List.copyOf(items);
    }

    public int totalPages() {
        return Math.toIntExact(Math.ceilDiv(totalItems, size));
    }

    public boolean hasNext() {
        return ((long) page + 1) * size < totalItems;
    }
}
