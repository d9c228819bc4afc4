package dev.flotilla.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import dev.flotilla.testing.TestJwtIssuer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** image-service's API as a client sees it, over HTTP. */
public final class ImageApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    public ImageApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A signed-in customer with a fresh id. */
    public record User(UUID id, String token) {
    }

    public static User newCustomer() {
        UUID id = UUID.randomUUID();
        return new User(id, TestJwtIssuer.shared().token(id.toString(), "CUSTOMER"));
    }

    public static User newAdmin() {
        UUID id = UUID.randomUUID();
        return new User(id, TestJwtIssuer.shared().token(id.toString(), "ADMIN"));
    }

    public HttpResponse<String> upload(User user, String fileName, String declaredType, byte[] bytes) {
        return upload(user == null ? null : user.token(), "file", fileName, declaredType, bytes);
    }

    public HttpResponse<String> upload(String token, String part, String fileName, String declaredType, byte[] bytes) {
        String boundary = "----flotilla" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/images"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code body} as it is, with a multipart content type naming {@code boundary}. */
    public HttpResponse<String> rawUpload(String token, String boundary, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/images"))
                .header("Content-Type", boundary == null ? "multipart/form-data" : "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Uploads and returns the new image's id, failing unless the answer is 202. */
    public String accepted(User user, byte[] bytes) {
        HttpResponse<String> response = upload(user, "photo.bin", "application/octet-stream", bytes);
        if (response.statusCode() != 202) {
            throw new AssertionError("upload answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body()).get("id").asString();
    }

    public HttpResponse<String> image(User user, String id) {
        return get("/api/images/" + id, user == null ? null : user.token());
    }

    /** Waits until the image has left the queue (READY or FAILED) and returns its record. */
    public JsonNode awaitProcessed(User user, String id) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = json(image(user, id).body());
            String status = last[0].path("status").asString();
            return status.equals("READY") || status.equals("FAILED");
        });
        return last[0];
    }

    public HttpResponse<byte[]> variant(String id, String name, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/images/" + id + "/variants/" + name));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> delete(User user, String id) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/images/" + id)).DELETE();
        request.header("Authorization", "Bearer " + user.token());
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
