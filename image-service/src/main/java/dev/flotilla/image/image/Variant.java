package dev.flotilla.image.image;

import java.util.Locale;
import java.util.Optional;

/**
 * The renditions of an image. The original is the upload, byte for byte; the others are made by the
 * workers: the longest side at most {@link #maxSide()} pixels, aspect ratio kept, never enlarged.
 */
public enum Variant {
    ORIGINAL(0), THUMBNAIL(128), MEDIUM(512);

    private final int maxSide;

    Variant(int maxSide) {
        this.maxSide = maxSide;
    }

    public int maxSide() {
        return maxSide;
    }

    /** The name in URLs and object keys: {@code original}, {@code thumbnail}, {@code medium}. */
    public String urlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Variant> fromUrlName(String name) {
        for (Variant variant : values()) {
            if (variant.urlName().equals(name)) {
                return Optional.of(variant);
            }
        }
        return Optional.empty();
    }

    /** The object key of this rendition of an image. */
    public String key(String imageId) {
        return ImageKeys.prefix(imageId) + urlName();
    }
}
