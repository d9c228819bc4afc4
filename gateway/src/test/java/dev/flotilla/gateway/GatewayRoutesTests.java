package dev.flotilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The route table against five stand-in services that echo what reaches them. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "FLOTILLA_GATEWAY_READ_TIMEOUT=1s")
class GatewayRoutesTests {

    private static final Map<String, Backend> SERVICES = new LinkedHashMap<>();

    static {
        for (String service : List.of("user", "product", "order", "image", "analytics")) {
            SERVICES.put(service, new Backend(service + "-service"));
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        SERVICES.forEach((service, backend) ->
                properties.add("FLOTILLA_" + service.toUpperCase(java.util.Locale.ROOT) + "_SERVICE_URL", backend::url));
    }

    @AfterAll
    static void stop() {
        SERVICES.values().forEach(Backend::close);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void forget() {
        SERVICES.values().forEach(Backend::forget);
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/users/me, user",
            "POST, /api/users, user",
            "POST, /api/auth/login, user",
            "GET, /api/reference/countries?lang=de, user",
            "GET, /.well-known/jwks.json, user",
            "GET, /api/products?category=books&q=a%20b, product",
            "GET, /api/products/6b0faf0cd856f09f2f1c6873, product",
            "GET, /api/categories, product",
            "POST, /api/orders, order",
            "GET, /api/orders/42, order",
            "PUT, /api/cart/lines/1, order",
            "DELETE, /api/cart, order",
            "GET, /api/images/abc/variants/thumbnail, image",
            "POST, /api/images, image",
            "GET, /api/analytics/sales?from=2026-12-01&to=2026-12-02, analytics",
            "POST, /api/analytics/backfill, analytics",
            "GET, /, analytics",
            "GET, /index.html, analytics",
            "GET, /dashboard.js, analytics",
            "GET, /webjars/uplot/dist/uPlot.iife.min.js, analytics"})
    void eachPathGoesToTheServiceThatOwnsItUnchanged(String method, String pathAndQuery, String service) throws Exception {
        HttpResponse<String> response = send(method, pathAndQuery, Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Backend")).hasValue(service + "-service");
        Backend.Received received = SERVICES.get(service).received().getFirst();
        assertThat(received.method()).isEqualTo(method);
        String[] parts = pathAndQuery.split("\\?", 2);
        assertThat(received.path()).isEqualTo(parts[0]);
        // The gateway passes the parameters on, not necessarily in their order.
        assertThat(parameters(received.query())).isEqualTo(parameters(parts.length > 1 ? parts[1] : null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/stock", "/api/stock/reservations", "/api/stock/reservations/1/commit", "/api/usersx",
            "/api/productsx", "/api/analyticsx", "/actuator/env", "/api/admin/orders", "/unknown", "/api/products/..%2F..%2Fapi/stock",
            "/api/products/%2e%2e/%2e%2e/api/stock", "/api/products/../stock"})
    void whatNoRouteNamesReachesNoService(String path) throws Exception {
        HttpResponse<String> response = send("POST", path, Map.of());

        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(400, 499);
        assertThat(SERVICES.values()).allSatisfy(backend -> assertThat(backend.received())
                .noneMatch(received -> received.path().contains("stock") || received.path().startsWith("/actuator")));
    }

    @Test
    void anUnknownPathIsA404ProblemDocument() throws Exception {
        HttpResponse<String> response = send("GET", "/api/stock/reservations", Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void forwardedHeadersSayWhatTheGatewaySawAndReplaceWhatTheClientClaimed() throws Exception {
        send("GET", "/api/users/me", Map.of("X-Forwarded-For", "6.6.6.6", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "evil.example", "X-Forwarded-Port", "1"));

        Map<String, String> headers = SERVICES.get("user").received().getFirst().headers();
        assertThat(headers.get("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(headers.get("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(headers.get("X-Forwarded-Host")).isEqualTo("localhost:" + port);
        assertThat(headers.get("X-Forwarded-Port")).isEqualTo(Integer.toString(port));
        assertThat(headers).doesNotContainKey("Forwarded");
    }

    @Test
    void aServiceSilentForTheReadTimeoutIsA504ProblemDocument() throws Exception {
        HttpResponse<String> response = send("GET", "/api/orders/slow", Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("order-service");
    }

    @Test
    void statusHeadersAndLargeBodiesPassThrough() throws Exception {
        assertThat(send("GET", "/api/orders/teapot", Map.of()).statusCode()).isEqualTo(418);

        byte[] upload = new byte[10 * 1024 * 1024];
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/images"))
                .header("Content-Type", "application/octet-stream").header("Authorization", "Bearer x")
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        Backend.Received received = SERVICES.get("image").received().getFirst();
        assertThat(received.bodyLength()).isEqualTo(upload.length);
        assertThat(received.headers().get("Authorization")).isEqualTo("Bearer x");
    }

    private static java.util.Set<String> parameters(String query) {
        return query == null ? java.util.Set.of() : java.util.Set.of(query.split("&"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/products/%2e%2e/%2e%2e/api/stock", "/api/products/%2E%2E%2Fstock", "/api/products/..;/stock",
            "/api/products//x", "/api/products/./x", "/api/images/a%5c..%5cb", "/api/products/%252e%252e/x", "/api/products/x;jsessionid=1"})
    void pathsAServiceCouldReadDifferentlyAreRefused(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, Map.of());

        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(SERVICES.values()).allSatisfy(backend -> assertThat(backend.received()).isEmpty());
    }

    private HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
