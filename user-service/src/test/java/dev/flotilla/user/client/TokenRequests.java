package dev.flotilla.user.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/** Token requests over real HTTP: by hand, byte for byte, and through Spring Security's OAuth 2.0 client. */
final class TokenRequests {

    static final String ORDER_SERVICE = "order-service";
    static final String ORDER_SERVICE_SECRET = "test-order-service-secret";
    static final String REPORT_SERVICE = "report-service";
    static final String REPORT_SERVICE_SECRET = "test-report-service-secret";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String tokenUri;

    TokenRequests(int port) {
        this.tokenUri = "http://127.0.0.1:" + port + "/oauth2/token";
    }

    static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String form, @Nullable String authorization) throws Exception {
        return post("", form, "application/x-www-form-urlencoded", authorization);
    }

    HttpResponse<String> post(String query, String body, String contentType, @Nullable String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tokenUri + query))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What an order-service configured with {@code spring.security.oauth2.client.*} would get. */
    OAuth2AccessTokenResponse springClient(String id, String secret, ClientAuthenticationMethod method,
            String... scopes) {
        ClientRegistration registration = ClientRegistration.withRegistrationId("user-service").clientId(id)
                .clientSecret(secret).clientAuthenticationMethod(method).scope(scopes)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).tokenUri(tokenUri).build();
        return new RestClientClientCredentialsTokenResponseClient()
                .getTokenResponse(new OAuth2ClientCredentialsGrantRequest(registration));
    }
}
