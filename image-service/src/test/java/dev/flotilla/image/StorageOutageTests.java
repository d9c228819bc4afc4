package dev.flotilla.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.flotilla.image.ImageApi.User;
import dev.flotilla.image.job.JobQueue;
import dev.flotilla.image.job.Workers;
import dev.flotilla.testing.S3ProxyServer;
import dev.flotilla.testing.TestJwks;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The object store goes away and comes back: uploads are refused with 503 meanwhile, jobs wait and
 * are retried, nothing is lost. The store here is an S3Proxy of this class's own on a fixed port, so
 * that it can be stopped and started again at the same address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "flotilla.image.database.path=target/test-databases/${random.uuid}/images.db",
        "flotilla.image.storage.create-bucket=true", "flotilla.image.storage.connect-timeout=200ms",
        "flotilla.image.storage.call-timeout=2s", "flotilla.image.jobs.poll-interval=100ms",
        "flotilla.image.jobs.retry-backoff=300ms", "flotilla.image.jobs.max-backoff=300ms"})
@TestJwks
@DirtiesContext
class StorageOutageTests {

    static final Path DIRECTORY = temporaryDirectory();
    static final int PORT = freePort();
    static S3ProxyServer store = startStore();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("flotilla.image.storage.endpoint", () -> "http://127.0.0.1:" + PORT);
        registry.add("flotilla.image.storage.access-key", () -> "outage-access");
        registry.add("flotilla.image.storage.secret-key", () -> "outage-secret");
        registry.add("flotilla.image.storage.bucket", () -> "outage");
    }

    @AfterAll
    static void stopStore() throws Exception {
        store.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    Workers workers;
    @Autowired
    JobQueue queue;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void whileTheStoreIsDownUploadsAndReadsGet503AndNothingIsRecorded() throws Exception {
        ImageApi api = new ImageApi(port);
        User user = ImageApi.newCustomer();
        String ready = api.accepted(user, TestImages.jpeg(100, 100));
        api.awaitProcessed(user, ready);
        long images = jdbc.queryForObject("select count(*) from images", Long.class);
        store.close();
        try {
            HttpResponse<String> upload = api.upload(user, "a.jpg", "image/jpeg", TestImages.jpeg(50, 50));

            ImageServiceTests.assertProblem(upload, 503);
            assertThat(upload.headers().firstValue("Retry-After")).isPresent();
            assertThat(upload.body()).contains("image store is unavailable");
            assertThat(jdbc.queryForObject("select count(*) from images", Long.class)).isEqualTo(images);
            assertThat(api.variant(ready, "thumbnail", null).statusCode()).isEqualTo(503);
            assertThat(api.image(user, ready).statusCode()).as("the record needs no store").isEqualTo(200);
        } finally {
            store = startStore();
        }
    }

    @Test
    void aJobThatMetTheStoreDownIsRetriedUntilItIsBack() throws Exception {
        ImageApi api = new ImageApi(port);
        User user = ImageApi.newCustomer();
        workers.stop();
        String id = api.accepted(user, TestImages.jpeg(300, 200));
        store.close();
        try {
            workers.start();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select count(*) from jobs where image_id = ? and attempts >= 2 and last_error like '%unavailable%'",
                    Long.class, id) == 1);
            assertThat(ImageApi.json(api.image(user, id).body()).get("status").asString()).isIn("QUEUED", "PROCESSING");
        } finally {
            store = startStore();
        }

        assertThat(api.awaitProcessed(user, id).get("status").asString()).isEqualTo("READY");
        assertThat(queue.hasJob(id)).isFalse();
    }

    private static S3ProxyServer startStore() {
        try {
            return S3ProxyServer.start(DIRECTORY, "127.0.0.1", PORT, "outage-access", "outage-secret");
        } catch (Exception e) {
            throw new IllegalStateException("the test's S3 store did not start", e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Path.of("target", "test-stores");
            Files.createDirectories(directory);
            return Files.createTempDirectory(directory, "outage-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
