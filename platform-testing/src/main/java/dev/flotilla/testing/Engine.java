package dev.flotilla.testing;

/** The storage engines a test can ask for with {@link RealEngines}. */
public enum Engine {

    /** PostgreSQL 17: sets {@code spring.datasource.*} to a database of the test's own. */
    POSTGRESQL,

    /** Redis: sets {@code spring.data.redis.*} to a logical database of the test's own. */
    REDIS,

    /** The MongoDB wire protocol: sets {@code spring.mongodb.*} to a database of the test's own. */
    MONGODB
}
