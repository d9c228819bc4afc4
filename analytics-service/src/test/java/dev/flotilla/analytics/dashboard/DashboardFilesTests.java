package dev.flotilla.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.flotilla.analytics.AnalyticsServiceTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard's files are anyone's to read, and only to read; nothing else becomes public with them. */
@AnalyticsServiceTest
class DashboardFilesTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @CsvSource({"/, text/html", "/index.html, text/html", "/dashboard.js, text/javascript", "/dashboard.css, text/css",
            "/favicon.svg, image/svg+xml", "/webjars/uplot/dist/uPlot.iife.min.js, text/javascript",
            "/webjars/uplot/dist/uPlot.min.css, text/css"})
    void theDashboardsFilesAreServedWithoutAToken(String path, String type) throws Exception {
        HttpResponse<String> get = send("GET", path);
        HttpResponse<String> head = send("HEAD", path);

        assertThat(get.statusCode()).as(path).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(type));
        assertThat(get.body()).isNotEmpty();
        assertThat(head.statusCode()).as(path).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/dashboard.js", "/webjars/uplot/dist/uPlot.iife.min.js"})
    void theyCannotBeWrittenTo(String path) throws Exception {
        assertThat(send("POST", path).statusCode()).as(path).isEqualTo(401);
        assertThat(send("DELETE", path).statusCode()).as(path).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/analytics/live", "/api/analytics/sales?from=2026-12-01&to=2026-12-02",
            "/other.html", "/index.html/../api/analytics/live"})
    void everythingElseStillNeedsAToken(String path) throws Exception {
        assertThat(send("GET", path).statusCode()).as(path).isIn(400, 401);
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
