package dev.flotilla.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies the database file shipped on the classpath to a temporary file SQLite can open. */
final class BundledFile {

    private BundledFile() {
    }

    static Path extract(String resource) {
        try (InputStream bundled = ReferenceData.class.getResourceAsStream(resource)) {
            if (bundled == null) {
                throw new IllegalStateException(resource + " is not on the classpath next to "
                        + ReferenceData.class.getName() + ": build the reference-data module first");
            }
            Path file = Files.createTempFile("flotilla-reference-", ".db");
            file.toFile().deleteOnExit();
            Files.copy(bundled, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled reference data", e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // deleteOnExit was registered as well; nothing else depends on this file.
        }
    }
}
