package dev.flotilla.user.client;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.flotilla.user.client.TokenRequests.ORDER_SERVICE;
import static dev.flotilla.user.client.TokenRequests.ORDER_SERVICE_SECRET;
import static dev.flotilla.user.client.TokenRequests.REPORT_SERVICE;
import static dev.flotilla.user.client.TokenRequests.REPORT_SERVICE_SECRET;
import static dev.flotilla.user.client.TokenRequests.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client-credentials grant over real HTTP, with Spring Security's own OAuth 2.0 client where it fits. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RealEngines({Engine.POSTGRESQL, Engine.REDIS})
class ClientCredentialsTests {

    static final String GRANT = "grant_type=client_credentials";

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    TokenRequests requests() {
        return new TokenRequests(port);
    }

    Jwt verified(String token) {
        return NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/.well-known/jwks.json").build().decode(token);
    }

    @Test
    void springsClientWithHttpBasicGetsATokenWhoseClaimsVerifyAgainstTheJwks() {
        OAuth2AccessTokenResponse response = requests().springClient(ORDER_SERVICE, ORDER_SERVICE_SECRET,
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC);

        Jwt token = verified(response.getAccessToken().getTokenValue());
        assertThat(token.getClaimAsString("iss")).isEqualTo("flotilla-user-service");
        assertThat(token.getSubject()).isEqualTo(ORDER_SERVICE);
        assertThat(token.getClaimAsString("client_id")).isEqualTo(ORDER_SERVICE);
        assertThat(token.getAudience()).containsExactly("product-service");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("SERVICE");
        assertThat(token.getId()).isNotBlank();
        assertThat(token.hasClaim("email")).isFalse();
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
        assertThat(response.getAccessToken().getTokenType().getValue()).isEqualToIgnoringCase("Bearer");
    }

    @Test
    void springsClientWithTheSecretInTheFormGetsATokenToo() {
        OAuth2AccessTokenResponse response = requests().springClient(REPORT_SERVICE, REPORT_SERVICE_SECRET,
                ClientAuthenticationMethod.CLIENT_SECRET_POST);

        Jwt token = verified(response.getAccessToken().getTokenValue());
        assertThat(token.getSubject()).isEqualTo(REPORT_SERVICE);
        assertThat(token.getAudience()).containsExactly("analytics-service", "product-service-staging");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("REPORTING", "SERVICE");
    }

    @Test
    void theAnswerIsJsonThatNoCacheKeeps() throws Exception {
        HttpResponse<String> response = requests().post(GRANT, basic(ORDER_SERVICE, ORDER_SERVICE_SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = json.readTree(response.body());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("access_token", "token_type", "expires_in");
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(300);
    }

    @Test
    void aWrongSecretAndAnUnknownClientGetTheSameInvalidClientAnswer() throws Exception {
        HttpResponse<String> wrongSecret = requests().post(GRANT, basic(ORDER_SERVICE, "not-the-secret"));
        HttpResponse<String> unknown = requests().post(GRANT, basic("no-such-service", ORDER_SERVICE_SECRET));

        for (HttpResponse<String> response : List.of(wrongSecret, unknown)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
        assertThat(withoutTraceId(wrongSecret)).isEqualTo(withoutTraceId(unknown));
        JsonNode problem = json.readTree(wrongSecret.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("error").asString()).isEqualTo("invalid_client");
        assertThat(problem.get("error_description").asString()).isNotBlank();
    }

    /** Spring's client reads the error member of a 400's problem+json body; of a 401 it reports the status. */
    @Test
    void springsClientSeesTheRefusals() {
        assertThatThrownBy(() -> requests().springClient(ORDER_SERVICE, ORDER_SERVICE_SECRET,
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, "stock"))
                .isInstanceOfSatisfying(OAuth2AuthorizationException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo("invalid_scope"));
        assertThatThrownBy(() -> requests().springClient(ORDER_SERVICE, "not-the-secret",
                ClientAuthenticationMethod.CLIENT_SECRET_POST))
                .isInstanceOf(OAuth2AuthorizationException.class)
                .cause().isInstanceOfSatisfying(HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(401));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong grant type           | grant_type=password&username=a&password=b | basic | 400 | unsupported_grant_type
            no grant type              | client_id=order-service                   | basic | 400 | invalid_request
            empty body                 | ''                                        | basic | 400 | invalid_request
            grant type twice           | grant_type=client_credentials&grant_type=client_credentials | basic | 400 | invalid_request
            a scope                    | grant_type=client_credentials&scope=stock | basic | 400 | invalid_scope
            no credentials             | grant_type=client_credentials             | none  | 401 | invalid_client
            basic and the form at once | grant_type=client_credentials&client_id=order-service&client_secret=test-order-service-secret | basic | 401 | invalid_client
            form without secret        | grant_type=client_credentials&client_id=order-service | none | 401 | invalid_client
            form without id            | grant_type=client_credentials&client_secret=test-order-service-secret | none | 401 | invalid_client
            empty secret               | grant_type=client_credentials&client_id=order-service&client_secret= | none | 401 | invalid_client
            secret over 72 bytes       | grant_type=client_credentials&client_id=order-service&client_secret=test-order-service-secrettest-order-service-secrettest-order-service-secret | none | 401 | invalid_client
            """)
    void refusesMalformedRequestsWithTheRfcErrorCode(String what, String form, String auth, int status, String error)
            throws Exception {
        HttpResponse<String> response = requests().post(form,
                auth.equals("basic") ? basic(ORDER_SERVICE, ORDER_SERVICE_SECRET) : null);

        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("error").asString()).isEqualTo(error);
    }

    @Test
    void refusesCredentialsInTheUrlAndBodiesThatAreNotAForm() throws Exception {
        HttpResponse<String> inUrl = requests().post("?client_secret=" + ORDER_SERVICE_SECRET, GRANT,
                "application/x-www-form-urlencoded", basic(ORDER_SERVICE, ORDER_SERVICE_SECRET));
        HttpResponse<String> json = requests().post("", "{\"grant_type\":\"client_credentials\"}", "application/json",
                basic(ORDER_SERVICE, ORDER_SERVICE_SECRET));

        assertThat(inUrl.statusCode()).isEqualTo(400);
        assertThat(this.json.readTree(inUrl.body()).get("error").asString()).isEqualTo("invalid_request");
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void malformedBasicCredentialsAreAnInvalidClient() throws Exception {
        for (String authorization : List.of("Basic !!!", "Basic " + java.util.Base64.getEncoder().encodeToString(
                "no-colon".getBytes()), "Basic " + java.util.Base64.getEncoder().encodeToString("a%zz:b".getBytes()))) {
            HttpResponse<String> response = requests().post(GRANT, authorization);
            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
            assertThat(json.readTree(response.body()).get("error").asString()).isEqualTo("invalid_client");
        }
    }

    /** The problem without its trace id, which differs per request. */
    private JsonNode withoutTraceId(HttpResponse<String> response) {
        tools.jackson.databind.node.ObjectNode problem = (tools.jackson.databind.node.ObjectNode) json.readTree(response.body());
        problem.remove("traceId");
        return problem;
    }
}
