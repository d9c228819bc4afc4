package dev.flotilla.testing;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where the engines for tests come from, chosen by the system property {@code flotilla.infra} or the
 * environment variable {@code FLOTILLA_INFRA}; embedded when neither is set.
 */
public enum Infrastructure {

    /** Real engines started by the test JVM itself; needs nothing but a JDK. */
    EMBEDDED,

    /** Testcontainers with the official images; needs a Docker engine. */
    CONTAINERS;

    static final String PROPERTY = "flotilla.infra";
    static final String ENVIRONMENT_VARIABLE = "FLOTILLA_INFRA";

    /** The infrastructure this JVM was asked to use. */
    public static Infrastructure current() {
        String value = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT_VARIABLE));
        return value == null || value.isBlank() ? EMBEDDED : parse(value);
    }

    static Infrastructure parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("%s=%s is not known; use one of %s".formatted(PROPERTY, value,
                    Arrays.stream(values()).map(mode -> mode.name().toLowerCase(Locale.ROOT)).toList()), e);
        }
    }
}
