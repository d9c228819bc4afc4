package dev.flotilla.reference;

import java.nio.file.Path;
import java.util.Optional;

/** Lets tests in other packages see package-private state of {@link ReferenceData}. */
public final class ReferenceDataAccess {

    private ReferenceDataAccess() {
    }

    public static Optional<Path> extractedFile(ReferenceData data) {
        return data.extractedFile();
    }
}
