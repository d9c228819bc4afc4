package dev.flotilla.testing;

/** Starts engines in one kind of infrastructure: embedded binaries or containers. */
interface EngineStarter {

    Started<PostgresEngine> postgres() throws Exception;

    Started<RedisEngine> redis() throws Exception;

    Started<MongoEngine> mongo() throws Exception;

    Started<S3Engine> s3() throws Exception;
}
