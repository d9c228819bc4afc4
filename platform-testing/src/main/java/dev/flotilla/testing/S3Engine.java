package dev.flotilla.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running S3-compatible object store. Each test asks for a bucket name of its own with
 * {@link #allocateBucket(String)}; the services create the bucket themselves (as they do against
 * MinIO), so a test sees the same start-up path as production.
 */
public final class S3Engine {

    /** The region every client signs for; the local servers accept any. */
    public static final String REGION = "us-east-1";

    private final String endpoint;
    private final String accessKey;
    private final String secretKey;
    private final AtomicInteger lastBucket = new AtomicInteger();

    S3Engine(String endpoint, String accessKey, String secretKey) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** A bucket name that no other test of this JVM has been given: {@code <prefix>-<n>}, lower case. */
    public String allocateBucket(String prefix) {
        if (!prefix.matches("[a-z0-9][a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("not a plain bucket name prefix: " + prefix);
        }
        return prefix + "-" + lastBucket.incrementAndGet();
    }

    /** The base URL clients send requests to, path-style: {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }
}
