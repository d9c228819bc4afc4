package dev.flotilla.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy, an S3-compatible server in Java, over a directory: the object store of the embedded
 * engines and of the local platform. Requests must be signed (AWS signature v2 or v4) with the given
 * keys, as S3 and MinIO require. Objects are plain files under {@code directory}, so they survive a
 * restart of the server on the same directory.
 */
public final class S3ProxyServer implements AutoCloseable {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final S3Engine engine;

    private S3ProxyServer(S3Proxy proxy, BlobStoreContext context, S3Engine engine) {
        this.proxy = proxy;
        this.context = context;
        this.engine = engine;
    }

    /** Starts a server on {@code host:port} (port 0: any free one) keeping its objects in {@code directory}. */
    public static S3ProxyServer start(Path directory, String host, int port, String accessKey, String secretKey)
            throws Exception {
        Files.createDirectories(directory);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").overrides(properties)
                .buildView(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://" + host + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception e) {
            proxy.stop();
            context.close();
            throw e;
        }
        S3Engine engine = new S3Engine("http://" + host + ":" + proxy.getPort(), accessKey, secretKey);
        return new S3ProxyServer(proxy, context, engine);
    }

    public S3Engine engine() {
        return engine;
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
        }
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline || "FAILED".equals(proxy.getState())) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }
}
