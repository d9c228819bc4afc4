package dev.flotilla.image.image;

/**
 * Where an image's objects live in the bucket: everything of image {@code id} under
 * {@code images/<id>/}, so that deleting or sweeping an image is one prefix.
 */
public final class ImageKeys {

    public static final String ROOT = "images/";

    private ImageKeys() {
    }

    public static String prefix(String imageId) {
        return ROOT + imageId + "/";
    }

    /** The record of a READY image, written last, so that another instance can serve it too. */
    public static String manifest(String imageId) {
        return prefix(imageId) + "manifest.json";
    }

    /** The image id of a key under {@link #ROOT}, or null when the key is not an image's. */
    public static String imageId(String key) {
        if (!key.startsWith(ROOT)) {
            return null;
        }
        int end = key.indexOf('/', ROOT.length());
        return end < 0 ? null : key.substring(ROOT.length(), end);
    }
}
