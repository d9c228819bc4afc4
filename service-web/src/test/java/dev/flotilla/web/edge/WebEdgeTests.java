package dev.flotilla.web.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web edge as a hostile client meets it, over real HTTP: every error a client can provoke, from
 * Tomcat, the security filters, the input policy or a controller, is problem+json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks.json",
        "flotilla.web.max-request-size=1KB", "spring.application.name=edge-test"})
@ExtendWith(OutputCaptureExtension.class)
class WebEdgeTests {

    private static final String THING = "/things/3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void answersAValidRequest() throws Exception {
        HttpResponse<String> response = send(post("/things", "application/json", "{\"name\":\"a\",\"quantity\":2}"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(send(get(THING + "?label=Zoe%CC%88")).body()).contains("Zo\u00eb");
    }

    @Test
    void wildcardOrGarbageContentTypeIs415() throws Exception {
        assertProblem(send(post("/things", "*/*", "{\"name\":\"a\",\"quantity\":2}")), 415);
        assertProblem(send(post("/things", "application/*", "{}")), 415);
        assertProblem(send(post("/things", "garbage", "{}")), 415);
        assertProblem(send(post("/things", "text/plain", "{}")), 415);
    }

    @Test
    void badBodiesAre400WithTheField() throws Exception {
        JsonNode fraction = assertProblem(send(post("/things", "application/json", "{\"name\":\"a\",\"quantity\":1.5}")), 400);
        assertThat(fraction.get("detail").stringValue()).contains("quantity");
        JsonNode nul = assertProblem(send(post("/things", "application/json", "{\"name\":\"a\\u0000\",\"quantity\":1}")), 400);
        assertThat(nul.get("errors").get(0).get("field").stringValue()).isEqualTo("name");
        JsonNode blank = assertProblem(send(post("/things", "application/json", "{\"name\":\"\\u00a0\",\"quantity\":1}")), 400);
        assertThat(blank.get("errors").get(0).get("field").stringValue()).isEqualTo("name");
        assertProblem(send(post("/things", "application/json", "{\"name\":\"a\",\"quantity\":11}")), 400);
        assertProblem(send(post("/things", "application/json", "not json")), 400);
        assertProblem(send(post("/things", "application/json", "")), 400);
    }

    @Test
    void bodiesOverTheLimitAre413() throws Exception {
        assertProblem(send(post("/things", "application/json", "{\"name\":\"" + "a".repeat(2000) + "\",\"quantity\":1}")), 413);
    }

    @Test
    void idsAndParametersAreExact() throws Exception {
        assertProblem(send(get(THING + "%20")), 400);
        assertProblem(send(get("/things/3f2504e0-4f89-41d3-9a0c-0305e82c330")), 400);
        assertProblem(send(get("/things/1-2-3-4-5")), 400);
        assertProblem(send(get("/things/%203f2504e0-4f89-41d3-9a0c-0305e82c3301")), 400);
        JsonNode nul = assertProblem(send(get(THING + "?label=%00")), 400);
        assertThat(nul.get("errors").get(0).get("field").stringValue()).isEqualTo("label");
        assertProblem(send(get(THING + "?label=%E2%80%8B")), 400);
        assertProblem(send(get("/things/00000000-0000-0000-0000-000000000001")), 404);
    }

    @Test
    void storeFailuresAre503WithRetryAfterAndBugsAre500WithoutDetails() throws Exception {
        HttpResponse<String> timeout = send(get("/things/store-timeout"));
        assertProblem(timeout, 503);
        assertThat(timeout.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> bug = send(get("/things/bug"));
        assertProblem(bug, 500);
        assertThat(bug.body()).doesNotContain("internal detail");
    }

    @Test
    void securityFailuresAreProblems() throws Exception {
        HttpResponse<String> anonymous = send(get("/me"));
        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertProblem(send(HttpRequest.newBuilder(uri("/me")).header("Authorization", "Bearer garbage").build()), 401);
        assertProblem(send(HttpRequest.newBuilder(uri("/actuator")).build()), 401);
    }

    @Test
    void rolesComeFromTheTokenAndTheActuatorIndexIsClosed() throws Exception {
        assertProblem(send(withToken("customer", HttpRequest.newBuilder(uri(THING)).DELETE())), 403);
        assertThat(send(withToken("admin", HttpRequest.newBuilder(uri(THING)).DELETE())).statusCode()).isEqualTo(200);
        assertProblem(send(withToken("customer", HttpRequest.newBuilder(uri("/actuator")))), 404);
        assertProblem(send(withToken("admin", HttpRequest.newBuilder(uri("/actuator/env")))), 404);
        assertThat(send(get("/actuator/health")).statusCode()).isEqualTo(200);
    }

    private static HttpRequest withToken(String token, HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + token).build();
    }

    /** Tokens named after their role ("admin", "customer"); anything else is a bad token. */
    @TestConfiguration
    static class RoleTokens {
        @Bean
        JwtDecoder jwtDecoder() {
            return token -> {
                if (!token.equals("admin") && !token.equals("customer")) {
                    throw new BadJwtException("not a token");
                }
                return Jwt.withTokenValue(token).header("alg", "RS256")
                        .subject(token).claim("roles", List.of(token.toUpperCase())).build();
            };
        }
    }

    @Test
    void routingFailuresAreProblemsWhateverTheClientAccepts() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(uri("/things")).header("Accept", "garbage/!!").GET().build()), 405);
        assertProblem(send(HttpRequest.newBuilder(uri("/things")).header("Accept", "image/png").build()), 405);
        assertProblem(send(HttpRequest.newBuilder(uri(THING)).method("PATCH", BodyPublishers.noBody()).build()), 401);
        assertProblem(send(HttpRequest.newBuilder(uri("/things/00000000-0000-0000-0000-000000000001"))
                .header("Accept", "text/html").build()), 404);
        assertProblem(send(get("/no/such/path")), 401);
    }

    @Test
    void malformedRequestsTomcatAnswersItselfAreProblems() throws Exception {
        assertThat(raw("GET /things/a%00b HTTP/1.1\r\nHost: x\r\n\r\n")).contains("400").contains("application/problem+json");
        assertThat(raw("GET /things/a%2Fb HTTP/1.1\r\nHost: x\r\n\r\n")).contains("400").contains("application/problem+json");
        assertThat(raw("GET /things/x HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(10_000) + "\r\n\r\n"))
                .contains("400").contains("application/problem+json");
        assertThat(raw("GET /things/..;/me HTTP/1.1\r\nHost: x\r\n\r\n")).contains("400").contains("application/problem+json");
    }

    @Test
    void unreadableFormAndMultipartBodiesAre400AndTheErrorPageItselfIsUnknown() throws Exception {
        assertProblem(send(post("/things", "multipart/form-data", "no boundary")), 400);
        assertProblem(send(post("/things", "multipart/form-data; boundary=b", "--b\r\nbroken")), 400);
        assertProblem(send(get("/error")), 404);
        assertProblem(send(post("/error", "application/json", "{}")), 404);
    }

    @Test
    void problemsCarryTheTraceIdOfTheRequest() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/things/00000000-0000-0000-0000-000000000001"))
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").build());
        assertThat(assertProblem(response, 404).get("traceId").stringValue()).isEqualTo(TRACE_ID);
    }

    @Test
    void restClientCallsPropagateTheTrace() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/call-echo?port=" + port))
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("00-" + TRACE_ID + "-");
    }

    @Test
    void theApiDocumentListsProblemResponsesFromTheSecurityRules() throws Exception {
        JsonNode document = json.readTree(send(get("/v3/api-docs")).body());
        assertThat(document.at("/components/securitySchemes/bearer/scheme").stringValue()).isEqualTo("bearer");
        assertThat(document.at("/components/schemas/ProblemDetail/properties/traceId").isMissingNode()).isFalse();
        JsonNode create = document.at("/paths/~1things/post/responses");
        assertThat(create.propertyNames()).contains("400", "409", "413", "415", "503").doesNotContain("401", "404");
        JsonNode find = document.at("/paths/~1things~1{id}/get/responses");
        assertThat(find.propertyNames()).contains("400", "404", "503").doesNotContain("401", "403", "409", "413");
        JsonNode delete = document.at("/paths/~1things~1{id}/delete");
        assertThat(delete.get("responses").propertyNames()).contains("401", "403", "404", "409", "503");
        assertThat(delete.at("/security/0").has("bearer")).isTrue();
        JsonNode me = document.at("/paths/~1me/get/responses");
        assertThat(me.propertyNames()).contains("401", "503").doesNotContain("403", "400");
        assertThat(me.at("/401/content/application~1problem+json/schema/$ref").stringValue())
                .isEqualTo("#/components/schemas/ProblemDetail");
    }

    @Test
    void logLinesAreJsonWithTheTraceId(CapturedOutput output) throws Exception {
        send(HttpRequest.newBuilder(uri("/things/bug")).header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").build());
        String line = output.getAll().lines().filter(l -> l.contains("Request failed unexpectedly")).findFirst().orElseThrow();
        JsonNode logged = json.readTree(line);
        assertThat(logged.toString()).contains(TRACE_ID);
        assertThat(logged.at("/service/name").stringValue()).isEqualTo("edge-test");
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").stringValue()).isNotBlank();
        return body;
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketTimeoutException e) {
            return "timeout";
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, BodyHandlers.ofString());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private HttpRequest post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(BodyPublishers.ofString(body)).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
