package dev.flotilla.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies the database file shipped on the classpath to a temporary file SQLite can open, named after
 * the process ({@code flotilla-reference-<pid>-<random>.db}). The copy is deleted on close and at JVM
 * exit; copies left by processes that were killed are deleted by the next extraction.
 */
final class BundledFile {

    static final String PREFIX = "flotilla-reference-";
    private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "([0-9]+)-[0-9]+\\.db");

    private BundledFile() {
    }

    static Path extract(String resource) {
        try (InputStream bundled = ReferenceData.class.getResourceAsStream(resource)) {
            if (bundled == null) {
                throw new IllegalStateException(resource + " is not on the classpath next to "
                        + ReferenceData.class.getName() + ": build the reference-data module first");
            }
            sweepCopiesOfDeadProcesses();
            Path file = Files.createTempFile(PREFIX + ProcessHandle.current().pid() + "-", ".db");
            file.toFile().deleteOnExit();
            Files.copy(bundled, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled reference data", e);
        }
    }

    private static void sweepCopiesOfDeadProcesses() throws IOException {
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), PREFIX + "*.db")) {
            for (Path copy : copies) {
                Matcher owner = OWNED.matcher(copy.getFileName().toString());
                if (owner.matches() && ProcessHandle.of(Long.parseLong(owner.group(1))).filter(ProcessHandle::isAlive).isEmpty()) {
                    delete(copy);
                }
            }
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
