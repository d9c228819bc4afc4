package dev.flotilla.platform;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The demo pictures, and how they are given to image-service: against a stand-in for its two
 * operations that checks each upload decodes as the image it claims to be, then reports a status.
 */
class DemoImagesTests {

    private final HttpServer server = startServer();
    private final String url = "http://localhost:" + server.getAddress().getPort();
    private final JsonHttp http = new JsonHttp(HttpClient.newHttpClient());
    private final List<BufferedImage> uploaded = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void drawsEachTileInTheFormatItsFileNameSays() throws IOException {
        for (DemoImages.Tile tile : DemoImages.TILES) {
            byte[] bytes = DemoImages.draw(tile);

            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image.getWidth()).isEqualTo(DemoImages.WIDTH);
            assertThat(image.getHeight()).isEqualTo(DemoImages.HEIGHT);
            byte[] signature = tile.fileName().endsWith(".png") ? new byte[] {(byte) 0x89, 'P', 'N', 'G'}
                    : new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
            assertThat(Arrays.copyOf(bytes, signature.length)).isEqualTo(signature);
        }
    }

    @Test
    void uploadsEveryTileAndAnswersTheThumbnailsOnceTheyAreReady() throws Exception {
        // Each image is QUEUED at the first poll and READY at the second.
        respondWithStatus(poll -> poll < 2 ? "QUEUED" : "READY");

        List<String> thumbnails = new DemoImages(http, url, Duration.ofSeconds(10)).upload("demo-token");

        assertThat(uploaded).hasSize(DemoImages.TILES.size())
                .allSatisfy(image -> assertThat(image.getWidth()).isEqualTo(DemoImages.WIDTH));
        assertThat(thumbnails).containsExactly(url + "/api/images/1/variants/thumbnail",
                url + "/api/images/2/variants/thumbnail", url + "/api/images/3/variants/thumbnail");
        assertThat(polls.values()).allSatisfy(count -> assertThat(count).hasValue(2));
    }

    @Test
    void saysWhyAnImageFailed() {
        respondWithStatus(poll -> "FAILED");

        assertThatIOException().isThrownBy(() -> new DemoImages(http, url, Duration.ofSeconds(10)).upload("demo-token"))
                .withMessageContaining("/api/images/1 FAILED: cannot decode");
    }

    @Test
    void givesUpOnAnImageThatIsNotReadyInTime() {
        respondWithStatus(poll -> "PROCESSING");
        long started = System.nanoTime();

        assertThatIOException().isThrownBy(() -> new DemoImages(http, url, Duration.ofMillis(500)).upload("demo-token"))
                .withMessageContaining("still PROCESSING after 0.5 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    /** {@code POST /api/images} accepts a decodable image; {@code GET /api/images/{n}} reports {@code status}. */
    private void respondWithStatus(IntFunction<String> status) {
        AtomicInteger lastId = new AtomicInteger();
        server.createContext("/api/images", exchange -> {
            if (!"Bearer demo-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{}");
            } else if (exchange.getRequestMethod().equals("POST")) {
                uploaded.add(filePart(exchange));
                respond(exchange, 202, "{\"status\":\"QUEUED\",\"statusUrl\":\"/api/images/" + lastId.incrementAndGet() + "\"}");
            } else {
                String path = exchange.getRequestURI().getPath();
                int poll = polls.computeIfAbsent(path, any -> new AtomicInteger()).incrementAndGet();
                respond(exchange, 200, "{\"status\":\"" + status.apply(poll) + "\",\"failureReason\":\"cannot decode\","
                        + "\"variants\":{\"thumbnail\":{\"url\":\"" + path + "/variants/thumbnail\"}}}");
            }
        });
    }

    /** The one part of a {@code multipart/form-data} body, decoded: framing that is off by a byte fails here. */
    private static BufferedImage filePart(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .endsWith("\r\n--" + boundary + "--\r\n");
        int start = text.indexOf("\r\n\r\n") + 4;
        int end = text.lastIndexOf("\r\n--" + boundary + "--");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(body, start, end - start));
        assertThat(image).as("the file part decodes as an image").isNotNull();
        return image;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static HttpServer startServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("no local port for the stand-in of image-service", e);
        }
    }
}
