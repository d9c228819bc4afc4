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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** With no worker and room for five pending jobs, the sixth upload is told to come back later. */
@ImageServiceTest
@TestPropertySource(properties = {"flotilla.image.jobs.workers=0", "flotilla.image.upload.max-pending-jobs=5"})
class BackPressureTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectStorage storage;
    @Autowired
    MeterRegistry meters;

    @Test
    void uploadsBeyondTheQueueLimitGet503WithRetryAfterEvenWhenTheyArriveTogether() throws Exception {
        ImageApi api = new ImageApi(port);
        User user = ImageApi.newCustomer();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        List<Callable<HttpResponse<String>>> uploads = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            uploads.add(() -> api.upload(user, "a.jpg", "image/jpeg", TestImages.jpeg(64, 64)));
        }
        List<HttpResponse<String>> refused = new ArrayList<>();
        int accepted = 0;
        for (Future<HttpResponse<String>> upload : clients.invokeAll(uploads)) {
            HttpResponse<String> response = upload.get();
            if (response.statusCode() == 202) {
                accepted++;
            } else {
                refused.add(response);
            }
        }
        clients.shutdown();

        assertThat(accepted).isEqualTo(5);
        assertThat(refused).hasSize(7).allSatisfy(response -> {
            ImageServiceTests.assertProblem(response, 503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
        });
        assertThat(jdbc.queryForObject("select count(*) from jobs", Long.class)).isEqualTo(5);
        assertThat(storage.list("images/")).hasSize(5);
        assertThat(meters.get("flotilla.image.jobs.pending").gauge().value()).isEqualTo(5.0);
    }
}
