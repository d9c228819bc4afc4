package dev.flotilla.image.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.flotilla.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** A store that is down when the service starts gets its bucket once it is back. */
class BucketCreationTests {

    @Test
    void theBucketIsCreatedOnceTheStoreAnswers(@TempDir Path directory) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StorageProperties properties = new StorageProperties("http://127.0.0.1:" + port, "us-east-1", "late", "a", "s",
                true, true, Duration.ofMillis(200), Duration.ofSeconds(2));
        try (S3Client s3 = new StorageConfiguration().s3Client(properties)) {
            ObjectStorage storage = new ObjectStorage(s3, properties);

            storage.createBucketIfAllowed();
            assertThatExceptionOfType(StorageUnavailableException.class)
                    .isThrownBy(() -> storage.put("k", new byte[] {1}, "application/octet-stream", Map.of()));

            try (S3ProxyServer server = S3ProxyServer.start(directory, "127.0.0.1", port, "a", "s")) {
                storage.createBucketIfAllowed();

                assertThat(storage.reachable()).isTrue();
                assertThat(storage.put("k", new byte[] {1}, "application/octet-stream", Map.of())).isNotBlank();
            }
        }
    }
}
