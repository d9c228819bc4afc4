package dev.flotilla.image.image;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An image as the API shows it. The JSON of a READY image is also its manifest in the bucket
 * ({@link ImageKeys#manifest(String)}), from which any instance can answer for it.
 *
 * @param statusUrl where to poll for the status
 * @param variants by name ({@code thumbnail}, {@code medium}, {@code original}); empty until READY
 */
public record ImageView(UUID id, UUID owner, ImageStatus status, String fileName, String contentType, int width,
        int height, long sizeBytes, Instant createdAt, @Nullable String failureReason, String statusUrl,
        Map<String, VariantView> variants) {

    /**
     * One rendition.
     *
     * @param url where its bytes are; {@code original} needs the owner's or an admin's token
     * @param etag the strong validator of its bytes, also sent as {@code ETag}
     */
    public record VariantView(String url, String contentType, int width, int height, long sizeBytes, String etag) {
    }

    public static ImageView of(Image image) {
        Map<String, VariantView> variants = new LinkedHashMap<>();
        for (VariantFile file : image.variants()) {
            variants.put(file.name(), new VariantView(url(image.id()) + "/variants/" + file.name(), file.contentType(),
                    file.width(), file.height(), file.sizeBytes(), file.etag()));
        }
        return new ImageView(UUID.fromString(image.id()), UUID.fromString(image.owner()), image.status(), image.fileName(),
                ImageFormat.valueOf(image.format()).contentType(), image.width(), image.height(), image.sizeBytes(),
                image.createdAt(), image.failureReason(), url(image.id()), variants);
    }

    public static String url(String imageId) {
        return "/api/images/" + imageId;
    }
}
