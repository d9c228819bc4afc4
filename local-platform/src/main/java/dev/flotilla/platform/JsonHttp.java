package dev.flotilla.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo data's HTTP calls, made as any client would: a request with an optional bearer token, one
 * of the expected statuses, the answer read as JSON. Any other status is an {@link IOException} that
 * says which call failed and what the service answered.
 */
final class JsonHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    JsonHttp(HttpClient http) {
        this.http = http;
    }

    /** {@code body} as JSON; {@code token} may be null for an anonymous call. */
    JsonNode send(String method, String url, String token, Object body, int... expected)
            throws IOException, InterruptedException {
        return send(request(url, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), expected);
    }

    JsonNode get(String url, String token, int... expected) throws IOException, InterruptedException {
        return send(request(url, token).GET(), expected);
    }

    /** A request to {@code url} with the call timeout and the token, if any, for the caller to complete. */
    HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    JsonNode send(HttpRequest.Builder builder, int... expected) throws IOException, InterruptedException {
        HttpRequest request = builder.build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
            }
        }
        throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                + response.body());
    }
}
