package dev.flotilla.image.upload;

import java.text.Normalizer;

/**
 * A client's file name made harmless to store and show: the last path segment only, NFC, no control,
 * format or bidirectional characters, nothing but letters, digits, spaces and {@code . _ - ( ) +},
 * at most {@value #MAX_LENGTH} characters, never empty or only dots.
 */
final class FileNames {

    static final int MAX_LENGTH = 100;
    private static final String FALLBACK = "image";

    private FileNames() {
    }

    static String sanitise(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{M}\\p{N} ._()+-]", "_")
                .replaceAll("\\s+", " ")
                .strip();
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH));
        }
        return name.isEmpty() || name.chars().allMatch(c -> c == '.') ? FALLBACK : name;
    }
}
