package dev.flotilla.image.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import dev.flotilla.image.ImageApi;
import dev.flotilla.image.ImageApi.User;
import dev.flotilla.image.ImageServiceTest;
import dev.flotilla.image.TestImages;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Workers whose colleagues died: the workers are stopped while a test plays the dead worker by
 * claiming jobs itself, then started to find what it left.
 */
@ImageServiceTest
@TestPropertySource(properties = {"flotilla.image.jobs.workers=2", "flotilla.image.jobs.lease=400ms",
        "flotilla.image.jobs.max-attempts=3"})
class WorkerFailureTests {

    @LocalServerPort
    int port;
    @Autowired
    Workers workers;
    @Autowired
    JobQueue queue;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void stopWorkers() {
        workers.stop();
    }

    @AfterEach
    void startWorkers() {
        if (!workers.isRunning()) {
            workers.start();
        }
    }

    @Test
    void aJobWhoseWorkerDiedIsDoneByAnotherOnceTheLeaseExpires() {
        ImageApi api = new ImageApi(port);
        User user = ImageApi.newCustomer();
        String id = api.accepted(user, TestImages.jpeg(300, 200));
        Instant claimedAt = Instant.now();
        assertThat(queue.claim("a-worker-that-dies", claimedAt, Duration.ofMillis(400))).isPresent();

        workers.start();
        JsonNode image = api.awaitProcessed(user, id);

        assertThat(image.get("status").asString()).isEqualTo("READY");
        assertThat(Duration.between(claimedAt, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aJobWhoseWorkersKeepDyingFailsWithAReasonAfterMaxAttempts() {
        ImageApi api = new ImageApi(port);
        User user = ImageApi.newCustomer();
        String id = api.accepted(user, TestImages.jpeg(30, 20));
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(queue.claim("dies-" + attempt, Instant.now().plusSeconds(attempt), Duration.ZERO))
                    .hasValueSatisfying(job -> assertThat(job.imageId()).isEqualTo(id));
        }

        workers.start();
        JsonNode image = api.awaitProcessed(user, id);

        assertThat(image.get("status").asString()).isEqualTo("FAILED");
        assertThat(image.get("failureReason").asString()).contains("gave up after 3 attempts")
                .contains("stopped without finishing");
        assertThat(queue.hasJob(id)).isFalse();
        assertThat(meters.find("flotilla.image.job.duration").tag("outcome", "failed").timer()).isNotNull();
    }

    @Test
    void anImageThatCannotBeDecodedFailsAtOnceWithoutRetries() {
        ImageApi api = new ImageApi(port);
        User user = ImageApi.newCustomer();
        byte[] jpeg = TestImages.jpeg(400, 300);
        // The header is intact (the upload is accepted), the entropy-coded data is cut off.
        String id = api.accepted(user, java.util.Arrays.copyOf(jpeg, 700));

        workers.start();
        JsonNode image = api.awaitProcessed(user, id);

        if (image.get("status").asString().equals("FAILED")) {
            assertThat(image.get("failureReason").asString()).contains("cannot be decoded");
        } else {
            // A decoder may fill a truncated scan with grey; then the image is READY, which is also honest.
            assertThat(image.get("status").asString()).isEqualTo("READY");
        }
    }
}
