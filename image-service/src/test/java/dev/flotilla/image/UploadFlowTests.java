package dev.flotilla.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import dev.flotilla.image.ImageApi.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ImageServiceTest
class UploadFlowTests {

    @LocalServerPort
    int port;

    @Test
    void aJpegBecomesReadyWithItsVariants() {
        ImageApi api = new ImageApi(port);
        User user = ImageApi.newCustomer();

        HttpResponse<String> upload = api.upload(user, "holiday.jpg", "image/jpeg", TestImages.jpeg(1200, 800));

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        String id = ImageApi.json(upload.body()).get("id").asString();
        JsonNode image = api.awaitProcessed(user, id);
        assertThat(image.get("status").asString()).as(image.toString()).isEqualTo("READY");
        assertThat(image.at("/variants/thumbnail/width").asInt()).isEqualTo(128);
        assertThat(image.at("/variants/medium/height").asInt()).isEqualTo(341);
    }
}
