package dev.flotilla.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import dev.flotilla.image.ImageApi.User;
import dev.flotilla.image.storage.ObjectStorage;
import dev.flotilla.testing.TestJwtIssuer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The service as clients use it, sharing one context: uploads of every format and of hostile files,
 * who may see what, and how the bytes are served.
 */
@ImageServiceTest
class ImageServiceTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectStorage storage;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    ImageApi api() {
        return new ImageApi(port);
    }

    @Nested
    class Uploads {

        @Test
        void everyFormatBecomesReadyWithVariantsOfTheRightSize() {
            User user = ImageApi.newCustomer();
            record Case(byte[] bytes, String contentType, int thumbWidth, int thumbHeight, String renditionType) {
            }
            List<Case> cases = List.of(
                    new Case(TestImages.jpeg(1200, 800), "image/jpeg", 128, 85, "image/jpeg"),
                    new Case(TestImages.png(300, 600, true), "image/png", 64, 128, "image/png"),
                    new Case(TestImages.gif(90, 60), "image/gif", 90, 60, "image/jpeg"),
                    // The lossless WebP has an alpha channel, so its renditions are PNG.
                    new Case(TestImages.WEBP, "image/webp", 1, 1, "image/png"));
            for (Case c : cases) {
                String id = api().accepted(user, c.bytes());
                JsonNode image = api().awaitProcessed(user, id);

                assertThat(image.get("status").asString()).as(image.toString()).isEqualTo("READY");
                assertThat(image.get("contentType").asString()).isEqualTo(c.contentType());
                assertThat(image.at("/variants/thumbnail/width").asInt()).isEqualTo(c.thumbWidth());
                assertThat(image.at("/variants/thumbnail/height").asInt()).isEqualTo(c.thumbHeight());
                HttpResponse<byte[]> thumbnail = api().variant(id, "thumbnail", null);
                assertThat(thumbnail.statusCode()).isEqualTo(200);
                assertThat(thumbnail.headers().firstValue("Content-Type")).as(c.contentType()).hasValue(c.renditionType());
                assertThat(TestImages.decode(thumbnail.body()).getWidth()).isEqualTo(c.thumbWidth());
            }
        }

        @Test
        void theAnswerIs202WithWhereToPollAndASanitisedName() {
            User user = ImageApi.newCustomer();

            HttpResponse<String> upload = api().upload(user, "../../<b>holiday</b>.jpg", "text/plain", TestImages.jpeg(40, 30));

            assertThat(upload.statusCode()).isEqualTo(202);
            JsonNode body = ImageApi.json(upload.body());
            assertThat(upload.headers().firstValue("Location")).hasValue("/api/images/" + body.get("id").asString());
            assertThat(body.get("statusUrl").asString()).isEqualTo("/api/images/" + body.get("id").asString());
            assertThat(body.get("owner").asString()).isEqualTo(user.id().toString());
            assertThat(body.get("fileName").asString()).isEqualTo("b_.jpg");
            assertThat(body.get("width").asInt()).isEqualTo(40);
        }

        @Test
        void anExifOrientationIsAppliedToTheVariants() {
            User user = ImageApi.newCustomer();
            String id = api().accepted(user, TestImages.jpegWithOrientation(400, 200, 6));

            JsonNode image = api().awaitProcessed(user, id);

            assertThat(image.at("/variants/medium/width").asInt()).isEqualTo(200);
            assertThat(image.at("/variants/medium/height").asInt()).isEqualTo(400);
            assertThat(TestImages.decode(api().variant(id, "medium", null).body()).getHeight()).isEqualTo(400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"notes.jpg", "photo.png", "x.gif"})
        void aFileThatIsNoImageIsRefusedWhateverItIsCalled(String name) {
            HttpResponse<String> upload = api().upload(ImageApi.newCustomer(), name, "image/jpeg",
                    "#!/bin/sh\nrm -rf /\n".getBytes());

            assertProblem(upload, 415);
            assertThat(upload.body()).contains("judged by its content");
        }

        @Test
        void corruptTooLargeAndBombImagesAreRefusedAndNothingIsKept() {
            long imagesBefore = count("images");
            byte[] corrupt = new byte[200];
            System.arraycopy(TestImages.png(4, 4, false), 0, corrupt, 0, 16);

            assertProblem(api().upload(ImageApi.newCustomer(), "corrupt.png", "image/png", corrupt), 422);
            HttpResponse<String> bomb = api().upload(ImageApi.newCustomer(), "bomb.png", "image/png",
                    TestImages.pngDeclaring(100_000, 100_000));
            assertProblem(bomb, 422);
            assertThat(ImageApi.json(bomb.body()).get("maxPixels").asLong()).isEqualTo(40_000_000);
            assertProblem(api().upload(ImageApi.newCustomer(), "big.jpg", "image/jpeg", new byte[10 * 1024 * 1024 + 1]), 413);
            assertProblem(api().upload(ImageApi.newCustomer(), "huge.jpg", "image/jpeg", new byte[12 * 1024 * 1024]), 413);
            assertProblem(api().upload(ImageApi.newCustomer(), "empty.jpg", "image/jpeg", new byte[0]), 400);
            assertThat(count("images")).isEqualTo(imagesBefore);
        }

        @Test
        void aMalformedMultipartBodyIsABadRequest() {
            User user = ImageApi.newCustomer();
            String head = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n";
            List<String> bodies = List.of(
                    head + "xyz--b--\r\n",                      // no CRLF before the closing boundary
                    head + "xyz",                                // never closed
                    "--b\r\nContent-Disposition: form-data\r\n\r\nxyz\r\n--b--\r\n", // a part without a name
                    "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nxyz\r\n--b--\r\n",
                    "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\nxyz\r\n--other--\r\n",
                    "garbage without any boundary",
                    "");
            for (String body : bodies) {
                HttpResponse<String> response = api().rawUpload(user.token(), "b", body.getBytes());
                assertThat(response.statusCode()).as("%s -> %s", body, response.body()).isBetween(400, 499);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
            }
            HttpResponse<String> noBoundary = api().rawUpload(user.token(), null, (head + "xyz\r\n--b--\r\n").getBytes());
            assertProblem(noBoundary, 400);
        }

        @Test
        void aBodyWithoutTheFilePartOrNotMultipartIsABadRequest() {
            User user = ImageApi.newCustomer();

            assertProblem(api().upload(user.token(), "picture", "a.jpg", "image/jpeg", TestImages.jpeg(10, 10)), 400);
            HttpResponse<String> json = api().get("/api/images", user.token());
            assertThat(json.statusCode()).isEqualTo(405);
        }
    }

    @Nested
    class Access {

        @Test
        void uploadsNeedAUserToken() {
            assertProblem(api().upload((User) null, "a.jpg", "image/jpeg", TestImages.jpeg(10, 10)), 401);
            assertProblem(api().upload(TestJwtIssuer.shared().token("not-a-user", "CUSTOMER"), "file", "a.jpg", "image/jpeg",
                    TestImages.jpeg(10, 10)), 403);
            assertProblem(api().upload(TestJwtIssuer.shared().serviceToken(), "file", "a.jpg", "image/jpeg",
                    TestImages.jpeg(10, 10)), 403);
        }

        @Test
        void anImageIsItsOwnersAndTheAdminsVariantsArePublicTheOriginalIsNot() {
            User owner = ImageApi.newCustomer();
            String id = api().accepted(owner, TestImages.jpeg(300, 300));
            api().awaitProcessed(owner, id);
            User stranger = ImageApi.newCustomer();

            assertProblem(api().image(stranger, id), 404);
            assertThat(api().image(ImageApi.newAdmin(), id).statusCode()).isEqualTo(200);
            assertProblem(api().image(null, id), 401);
            assertThat(api().variant(id, "thumbnail", null).statusCode()).isEqualTo(200);
            assertThat(api().variant(id, "original", null).statusCode()).isEqualTo(401);
            assertThat(api().variant(id, "original", stranger.token()).statusCode()).isEqualTo(404);
            HttpResponse<byte[]> original = api().variant(id, "original", owner.token());
            assertThat(original.statusCode()).isEqualTo(200);
            assertThat(original.body()).isEqualTo(TestImages.jpeg(300, 300));
            assertThat(original.headers().firstValue("Cache-Control")).hasValue("private, max-age=3600");
            assertProblem(api().delete(stranger, id), 404);
        }

        @Test
        void unknownIdsAndNamesAreNotFoundAndMalformedIdsABadRequest() {
            User user = ImageApi.newCustomer();

            assertProblem(api().image(user, "00000000-0000-0000-0000-000000000000"), 404);
            assertProblem(api().image(user, "not-an-id"), 400);
            assertProblem(api().image(user, "%27%20OR%201%3D1%20--"), 400);
            assertThat(api().variant("00000000-0000-0000-0000-000000000000", "thumbnail", null).statusCode()).isEqualTo(404);
            String id = api().accepted(user, TestImages.jpeg(50, 50));
            assertThat(api().variant(id, "huge", null).statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Serving {

        @Test
        void variantsCarryAnETagCachingHeadersAndAnswerConditionalAndRangedReads() {
            User user = ImageApi.newCustomer();
            String id = api().accepted(user, TestImages.jpeg(800, 600));
            api().awaitProcessed(user, id);

            HttpResponse<byte[]> whole = api().variant(id, "medium", null);
            String etag = whole.headers().firstValue("ETag").orElseThrow();
            assertThat(whole.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
            assertThat(api().variant(id, "medium", null, "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(api().variant(id, "medium", null, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);

            HttpResponse<byte[]> range = api().variant(id, "medium", null, "Range", "bytes=10-19");
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), 10, 20));
            assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + whole.body().length);
            HttpResponse<byte[]> suffix = api().variant(id, "medium", null, "Range", "bytes=-5");
            assertThat(suffix.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), whole.body().length - 5,
                    whole.body().length));
            HttpResponse<byte[]> beyond = api().variant(id, "medium", null, "Range", "bytes=99999999-");
            assertThat(beyond.statusCode()).isEqualTo(416);
            assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + whole.body().length);
            assertThat(api().variant(id, "medium", null, "Range", "bytes=0-1,5-6").statusCode()).isEqualTo(200);
            assertThat(api().variant(id, "medium", null, "Range", "pages=1").statusCode()).isEqualTo(200);
            assertThat(api().variant(id, "medium", null, "Range", "bytes=0-1", "If-Range", "\"stale\"").statusCode())
                    .isEqualTo(200);
        }

        @Test
        void deletingRemovesEveryObjectAndTheRecord() {
            User owner = ImageApi.newCustomer();
            String id = api().accepted(owner, TestImages.jpeg(200, 200));
            api().awaitProcessed(owner, id);

            assertThat(api().delete(owner, id).statusCode()).isEqualTo(204);

            assertProblem(api().image(owner, id), 404);
            assertThat(api().variant(id, "thumbnail", null).statusCode()).isEqualTo(404);
            assertThat(jdbc.queryForObject("select count(*) from images where id = ?", Long.class, id)).isZero();
            assertThat(storage.list("images/" + id + "/")).isEmpty();
            assertProblem(api().delete(owner, id), 404);
        }

        @Test
        void anImageDeletedWhileAWorkerProcessesItStaysDeleted() {
            User owner = ImageApi.newCustomer();
            String id = api().accepted(owner, TestImages.jpeg(4000, 3000));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(5))
                    .until(() -> ImageApi.json(api().image(owner, id).body()).path("status").asString().equals("PROCESSING"));

            assertThat(api().delete(owner, id).statusCode()).isEqualTo(204);

            // Until the worker is done, and after, the image must never be seen again.
            java.util.Set<Integer> answers = new java.util.HashSet<>();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(2))
                    .until(() -> {
                        answers.add(api().image(owner, id).statusCode());
                        return meters.get("flotilla.image.workers.busy").gauge().value() == 0;
                    });
            assertThat(answers).containsOnly(404);
            assertProblem(api().image(owner, id), 404);
            assertThat(storage.list("images/" + id + "/")).isEmpty();
        }

        @Test
        void anAdminMayDeleteAnyImage() {
            User owner = ImageApi.newCustomer();
            String id = api().accepted(owner, TestImages.jpeg(20, 20));

            assertThat(api().delete(ImageApi.newAdmin(), id).statusCode()).isEqualTo(204);
            assertProblem(api().image(owner, id), 404);
        }
    }

    @Nested
    class Operations {

        @Test
        void theQueueDepthAndJobDurationsArePublishedForTheAutoscaler() {
            User user = ImageApi.newCustomer();
            api().awaitProcessed(user, api().accepted(user, TestImages.jpeg(20, 20)));

            HttpResponse<String> metrics = api().get("/actuator/prometheus", null);

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("flotilla_image_jobs_pending", "flotilla_image_jobs_running",
                    "flotilla_image_job_duration_seconds_count{", "outcome=\"ready\"");
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
