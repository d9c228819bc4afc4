package dev.flotilla.testing;

/**
 * A running MongoDB wire-protocol server. Databases need no creation: each test uses a name of its
 * own and the server creates it on first write.
 */
public final class MongoEngine {

    private final String host;
    private final int port;
    private final String options;

    /** {@code options} is appended to every URI, e.g. {@code ?directConnection=true}, or empty. */
    MongoEngine(String host, int port, String options) {
        this.host = host;
        this.port = port;
        this.options = options;
    }

    public String uri(String database) {
        if (!database.matches("[A-Za-z0-9_-]{1,63}")) {
            throw new IllegalArgumentException("not a plain Mongo database name: " + database);
        }
        return "mongodb://%s:%d/%s%s".formatted(host, port, database, options);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
