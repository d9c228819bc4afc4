package dev.flotilla.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3EngineTests {

    @Test
    void bucketNamesAreUniqueAndPlain() {
        S3Engine engine = new S3Engine("http://127.0.0.1:1", "a", "b");

        assertThat(engine.allocateBucket("images")).isEqualTo("images-1");
        assertThat(engine.allocateBucket("images")).isEqualTo("images-2");
        assertThatIllegalArgumentException().isThrownBy(() -> engine.allocateBucket("Not_A_Bucket"));
    }

    @Test
    void theServerRefusesUnsignedRequestsAndKeepsObjectsInItsDirectory(@TempDir Path directory) throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start(directory, "127.0.0.1", 0, "access", "secret")) {
            HttpResponse<String> unsigned = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.engine().endpoint() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(server.engine().endpoint()).startsWith("http://127.0.0.1:");
        }
        assertThat(Files.isDirectory(directory)).isTrue();
    }
}
