package dev.flotilla.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.flotilla.image.ImageApi.User;
import dev.flotilla.image.storage.ObjectStorage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Fifty uploads at once, four workers: every image processed, each exactly once. */
@ImageServiceTest
@TestPropertySource(properties = "flotilla.image.jobs.workers=4")
class ConcurrentUploadTests {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ObjectStorage storage;

    @Test
    void fiftyConcurrentUploadsAreEachProcessedExactlyOnce() throws Exception {
        ImageApi api = new ImageApi(port);
        User user = ImageApi.newCustomer();
        ExecutorService clients = Executors.newFixedThreadPool(50);
        List<Callable<HttpResponse<String>>> uploads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] jpeg = TestImages.jpeg(200 + i, 150);
            uploads.add(() -> api.upload(user, "photo.jpg", "image/jpeg", jpeg));
        }
        List<String> ids = new ArrayList<>();
        for (Future<HttpResponse<String>> upload : clients.invokeAll(uploads)) {
            HttpResponse<String> response = upload.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            ids.add(ImageApi.json(response.body()).get("id").asString());
        }
        clients.shutdown();

        for (String id : ids) {
            assertThat(api.awaitProcessed(user, id).get("status").asString()).isEqualTo("READY");
        }
        assertThat(timer("ready").count()).isEqualTo(50);
        assertThat(meters.find("flotilla.image.job.duration").tag("outcome", "retried").timer()).isNull();
        // original, thumbnail, medium and the manifest: nothing written twice under another name.
        assertThat(storage.list("images/")).hasSize(50 * 4);
    }

    private Timer timer(String outcome) {
        return meters.get("flotilla.image.job.duration").tag("outcome", outcome).timer();
    }
}
