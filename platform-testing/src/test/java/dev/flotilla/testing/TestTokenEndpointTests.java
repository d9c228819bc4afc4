package dev.flotilla.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stand-in token endpoint, through Spring Security's OAuth 2.0 client and byte for byte. */
class TestTokenEndpointTests {

    final TestJwtIssuer issuer = TestJwtIssuer.shared();
    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void restoreTheLifetime() {
        issuer.clientTokenTtl(TestJwtIssuer.DEFAULT_CLIENT_TOKEN_TTL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"client_secret_basic", "client_secret_post"})
    void springsClientGetsAServiceTokenForProductService(String method) throws Exception {
        int before = issuer.clientTokensIssued();
        OAuth2AccessTokenResponse response = springClient(TestJwtIssuer.CLIENT_SECRET, new ClientAuthenticationMethod(method));

        SignedJWT token = SignedJWT.parse(response.getAccessToken().getTokenValue());
        assertThat(token.verify(new RSASSAVerifier(publishedKey()))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(TestJwtIssuer.ISSUER);
        assertThat(claims.getSubject()).isEqualTo(TestJwtIssuer.CLIENT_ID);
        assertThat(claims.getStringClaim("client_id")).isEqualTo(TestJwtIssuer.CLIENT_ID);
        assertThat(claims.getAudience()).containsExactly("product-service");
        assertThat(claims.getStringListClaim("roles")).containsExactly("SERVICE");
        assertThat(issuer.clientTokensIssued()).isEqualTo(before + 1);
    }

    @Test
    void testsSetTheLifetime() throws Exception {
        issuer.clientTokenTtl(Duration.ofSeconds(30));
        HttpResponse<String> response = post("grant_type=client_credentials", basic(TestJwtIssuer.CLIENT_SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("access_token", "token_type", "expires_in");
        assertThat(body.get("expires_in").asLong()).isEqualTo(30);
        JWTClaimsSet claims = SignedJWT.parse(body.get("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(30_000);
    }

    @Test
    void aWrongSecretIsAnInvalidClientThatSpringsClientReportsAsA401() {
        int before = issuer.clientTokensIssued();
        assertThatThrownBy(() -> springClient("wrong", ClientAuthenticationMethod.CLIENT_SECRET_BASIC))
                .isInstanceOf(OAuth2AuthorizationException.class).cause()
                .isInstanceOfSatisfying(HttpClientErrorException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(401));
        assertThat(issuer.clientTokensIssued()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong grant type  | grant_type=password                         | basic | 400 | unsupported_grant_type
            no grant type     | ''                                          | basic | 400 | invalid_request
            a scope           | grant_type=client_credentials&scope=stock   | basic | 400 | invalid_scope
            no credentials    | grant_type=client_credentials               | none  | 401 | invalid_client
            two methods       | grant_type=client_credentials&client_id=order-service&client_secret=test-order-service-secret | basic | 401 | invalid_client
            wrong secret      | grant_type=client_credentials&client_id=order-service&client_secret=nope | none | 401 | invalid_client
            """)
    void refusesLikeUserService(String what, String form, String auth, int status, String error) throws Exception {
        HttpResponse<String> response = post(form, auth.equals("basic") ? basic(TestJwtIssuer.CLIENT_SECRET) : null);

        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("error").asString()).isEqualTo(error);
        assertThat(problem.get("error_description").asString()).isNotBlank();
        if (status == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        }
    }

    @Test
    void serviceTokensCarryTheGivenAudiences() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(issuer.serviceToken("report-service", List.of("a", "b"))).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("report-service");
        assertThat(claims.getAudience()).containsExactly("a", "b");
        assertThat(claims.getStringListClaim("roles")).containsExactly("SERVICE");
    }

    private OAuth2AccessTokenResponse springClient(String secret, ClientAuthenticationMethod method) {
        ClientRegistration registration = ClientRegistration.withRegistrationId("user-service")
                .clientId(TestJwtIssuer.CLIENT_ID).clientSecret(secret).clientAuthenticationMethod(method)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).tokenUri(issuer.tokenUri()).build();
        return new RestClientClientCredentialsTokenResponseClient()
                .getTokenResponse(new OAuth2ClientCredentialsGrantRequest(registration));
    }

    private RSAKey publishedKey() throws Exception {
        return (RSAKey) JWKSet.load(URI.create(issuer.jwkSetUri()).toURL()).getKeys().getFirst();
    }

    private static String basic(String secret) {
        String pair = URLEncoder.encode(TestJwtIssuer.CLIENT_ID, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
