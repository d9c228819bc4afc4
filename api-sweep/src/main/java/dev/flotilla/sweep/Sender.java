package dev.flotilla.sweep;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** Sends requests over the JDK's HTTP/1.1 client, one at a time, and never throws for what the server does. */
final class Sender {

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    Sender(HttpClient http, URI baseUrl, Duration timeout) {
        this.http = http;
        this.baseUrl = ApiDocument.trimmed(baseUrl);
        this.timeout = timeout;
    }

    /**
     * What came back.
     *
     * @param status the status, or 0 without an answer
     * @param contentType the Content-Type header, or empty
     * @param body the body as text
     * @param failure why there is no answer, or {@code null}
     */
    record Answer(int status, String contentType, String body, @Nullable String failure) {

        boolean answered() {
            return failure == null;
        }
    }

    Answer send(Request request) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(baseUrl + request.target())).timeout(timeout)
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(builder::header);
        } catch (IllegalArgumentException e) {
            return new Answer(0, "", "", "the client cannot send it: " + e.getMessage());
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), null);
        } catch (HttpTimeoutException e) {
            return new Answer(0, "", "", "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Answer(0, "", "", "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", "", "interrupted");
        }
    }
}
