package dev.flotilla.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flotilla.image.ImageApi.User;
import dev.flotilla.testing.S3Engine;
import dev.flotilla.testing.SharedEngines;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What survives a stop: jobs queued before a restart are processed after it, and a worker in the
 * middle of a job when the service stops either finishes it or gives its lease back.
 */
class RestartTests {

    final S3Engine s3 = SharedEngines.s3();

    @Test
    void jobsQueuedBeforeARestartAreProcessedAfterIt(@TempDir Path directory) {
        Path database = directory.resolve("images.db");
        String bucket = s3.allocateBucket("restart");
        User user = ImageApi.newCustomer();
        List<String> ids = new ArrayList<>();
        try (RestartableImageService service = RestartableImageService.start(database, s3, bucket,
                Map.of("flotilla.image.jobs.workers", "0"))) {
            ImageApi api = new ImageApi(service.port());
            for (int i = 0; i < 3; i++) {
                ids.add(api.accepted(user, TestImages.jpeg(100 + i, 80)));
            }
            assertThat(ImageApi.json(api.image(user, ids.getFirst()).body()).get("status").asString()).isEqualTo("QUEUED");
        }

        try (RestartableImageService service = RestartableImageService.start(database, s3, bucket,
                Map.of("flotilla.image.jobs.workers", "2"))) {
            ImageApi api = new ImageApi(service.port());
            for (String id : ids) {
                assertThat(api.awaitProcessed(user, id).get("status").asString()).isEqualTo("READY");
            }
        }
    }

    @Test
    void aWorkerStoppedInTheMiddleOfAJobFinishesItWithinTheGrace(@TempDir Path directory) throws Exception {
        Path database = directory.resolve("images.db");
        User user = ImageApi.newCustomer();
        String id;
        try (RestartableImageService service = RestartableImageService.start(database, s3, s3.allocateBucket("grace"),
                Map.of("flotilla.image.jobs.workers", "1", "flotilla.image.jobs.shutdown-grace", "20s"))) {
            ImageApi api = new ImageApi(service.port());
            id = api.accepted(user, TestImages.jpeg(6000, 4000));
            awaitStatus(api, user, id, "PROCESSING");
        }

        assertThat(row(database, "select status from images where id = '" + id + "'")).isEqualTo("READY");
        assertThat(row(database, "select count(*) from jobs")).isEqualTo("0");
    }

    @Test
    void aWorkerThatCannotFinishInTimeGivesItsLeaseBackUncounted(@TempDir Path directory) throws Exception {
        Path database = directory.resolve("images.db");
        User user = ImageApi.newCustomer();
        String id;
        try (RestartableImageService service = RestartableImageService.start(database, s3, s3.allocateBucket("nograce"),
                Map.of("flotilla.image.jobs.workers", "1", "flotilla.image.jobs.shutdown-grace", "0s"))) {
            ImageApi api = new ImageApi(service.port());
            id = api.accepted(user, TestImages.jpeg(6000, 4000));
            awaitStatus(api, user, id, "PROCESSING");
        }

        assertThat(row(database, "select state || ' ' || attempts || ' ' || ifnull(lease_owner, 'none') from jobs"))
                .isEqualTo("QUEUED 0 none");
        assertThat(row(database, "select status from images where id = '" + id + "'")).isEqualTo("QUEUED");
    }

    private static void awaitStatus(ImageApi api, User user, String id, String status) {
        Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(10))
                .until(() -> {
                    JsonNode image = ImageApi.json(api.image(user, id).body());
                    return image.get("status").asString().equals(status);
                });
    }

    private static String row(Path database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }
}
