package dev.flotilla.order.catalogue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * JDK HttpClient requests (one shared client, HTTP/1.1, the connect timeout) whose read timeout is the
 * configured one or what is left of the call's {@link Deadline}, whichever is shorter.
 */
final class DeadlineRequestFactory implements ClientHttpRequestFactory {

    /** Below this, a request is not started: it could not be answered in time. */
    private static final Duration TOO_LITTLE = Duration.ofMillis(20);

    private final HttpClient http;
    private final Duration readTimeout;

    DeadlineRequestFactory(Duration connectTimeout, Duration readTimeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.readTimeout = readTimeout;
    }

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
        Duration remaining = Deadline.remaining(readTimeout);
        if (remaining.compareTo(TOO_LITTLE) < 0) {
            throw new HttpTimeoutException("the time for the call to " + uri.getHost() + " is spent");
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(remaining.compareTo(readTimeout) < 0 ? remaining : readTimeout);
        return requests.createRequest(uri, httpMethod);
    }
}
