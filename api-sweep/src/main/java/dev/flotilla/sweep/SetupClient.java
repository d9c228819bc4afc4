package dev.flotilla.sweep;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON client for the data a sweep test creates before it sweeps (an account, a product), on
 * a service at a loopback port.
 */
public final class SetupClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;

    public SetupClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** Sends {@code body} as JSON (none if null), with a bearer token if one is given. */
    public HttpResponse<String> send(String method, String path, @Nullable Object body, @Nullable String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a 2xx answer; any other answer fails the setup, saying what it was. */
    public JsonNode ok(HttpResponse<String> response) {
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new IllegalStateException("setup request answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
