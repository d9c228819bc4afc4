package dev.flotilla.testing;

/** The storage engines a test can ask for with {@link RealEngines}. */
public enum Engine {

    /** PostgreSQL 17: sets {@code spring.datasource.*} to a database of the test's own. */
    POSTGRESQL,

    /** Redis: sets {@code spring.data.redis.*} to a logical database of the test's own. */
    REDIS,

    /** The MongoDB wire protocol: sets {@code spring.mongodb.*} to a database of the test's own. */
    MONGODB,

    /**
     * An S3-compatible object store: sets {@code flotilla.test.s3.endpoint}, {@code .access-key},
     * {@code .secret-key}, {@code .region} and {@code .bucket} (a bucket name of the test's own, not yet
     * created); a service maps them onto its own keys. Needs {@code org.gaul:s3proxy} on the test class path.
     */
    S3
}
