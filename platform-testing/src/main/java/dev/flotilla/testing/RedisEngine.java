package dev.flotilla.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running Redis server that hands out a logical database of its own to each test that asks. The
 * server is started with {@value #DATABASES} logical databases; database 0 is never handed out, so a
 * client that ignores the database index cannot touch a test's data.
 */
public final class RedisEngine {

    static final int DATABASES = 1024;

    private final String host;
    private final int port;
    private final AtomicInteger lastDatabase = new AtomicInteger();

    RedisEngine(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A logical database index that no other test of this JVM has been given. */
    public int allocateDatabase() {
        int database = lastDatabase.incrementAndGet();
        if (database >= DATABASES) {
            throw new IllegalStateException("all " + (DATABASES - 1) + " Redis test databases of this JVM are in use;"
                    + " fewer test classes with @RealEngines(REDIS) per module, or @Nested classes, would share them");
        }
        return database;
    }

    public String url(int database) {
        return "redis://%s:%d/%d".formatted(host, port, database);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
