package dev.flotilla.reference.autoconfigure;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service reads its reference data from.
 *
 * @param path a {@code reference.db} file to open (for example one a container image carries in a
 *     layer of its own); when unset, the file bundled in the reference-data jar is used
 * @param connections read-only connections in the pool; 0 means one per processor, at least two
 */
@ConfigurationProperties("flotilla.reference-data")
public record ReferenceDataProperties(@Nullable Path path, @DefaultValue("0") int connections) {

    public ReferenceDataProperties {
        if (connections < 0) {
            throw new IllegalArgumentException("flotilla.reference-data.connections must be 0 (automatic) or more, got "
                    + connections);
        }
    }
}
