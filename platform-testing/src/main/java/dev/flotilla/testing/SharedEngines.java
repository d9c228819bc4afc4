package dev.flotilla.testing;

/**
 * The engines of this test JVM, started on first use and shared by every test in it; they stop and
 * their files are deleted when the JVM exits. Spring tests get them through {@link RealEngines};
 * other tests may call these methods directly.
 */
public final class SharedEngines {

    private SharedEngines() {
    }

    /** The PostgreSQL server; use {@link PostgresEngine#createDatabase(String)} for a database of your own. */
    public static PostgresEngine postgres() {
        return Holder.REGISTRY.postgres();
    }

    /** The Redis server; use {@link RedisEngine#allocateDatabase()} for a logical database of your own. */
    public static RedisEngine redis() {
        return Holder.REGISTRY.redis();
    }

    /** The MongoDB wire-protocol server. */
    public static MongoEngine mongo() {
        return Holder.REGISTRY.mongo();
    }

    /** The S3-compatible object store; use {@link S3Engine#allocateBucket(String)} for a bucket of your own. */
    public static S3Engine s3() {
        return Holder.REGISTRY.s3();
    }

    /** Where this JVM's engines come from. */
    public static Infrastructure infrastructure() {
        return Holder.REGISTRY.infrastructure();
    }

    static EngineRegistry registry() {
        return Holder.REGISTRY;
    }

    /** Created on first use, so that merely loading the class starts nothing. */
    private static final class Holder {
        static final EngineRegistry REGISTRY = EngineRegistry.startingOnDemand(Infrastructure.current());
    }
}
