package dev.flotilla.order.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.web.client.RequestAttributeClientRegistrationIdResolver;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * order-service's own identity towards product-service: an access token from user-service by the
 * client-credentials grant (Spring Security's registration {@value #REGISTRATION_ID}), added by
 * {@link OAuth2ClientHttpRequestInterceptor} to the requests that ask for it with {@link #token()}.
 * Spring Security keeps the token and asks for a new one {@code renewalSkew} before it expires; a 401
 * or 403 from product-service drops it, so the next call gets a fresh one.
 */
final class ServiceIdentity {

    static final String REGISTRATION_ID = "product-service";

    /** Tokens belong to the service, not to the customer whose request needs one. */
    private static final Authentication SERVICE = UsernamePasswordAuthenticationToken.unauthenticated("order-service", null);

    private ServiceIdentity() {
    }

    /** The request attribute that makes the interceptor add the service's token. */
    static Consumer<Map<String, Object>> token() {
        return RequestAttributeClientRegistrationIdResolver.clientRegistrationId(REGISTRATION_ID);
    }

    /** Token requests go through {@code requests}, so they keep to the timeouts and the call's deadline. */
    static ClientHttpRequestInterceptor interceptor(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService authorizedClients, ClientHttpRequestFactory requests, Duration renewalSkew,
            Clock clock) {
        ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(tokenClient(requests));
        provider.setClockSkew(renewalSkew);
        provider.setClock(clock);
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setPrincipalResolver(request -> SERVICE);
        interceptor.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        return interceptor;
    }

    private static RestClientClientCredentialsTokenResponseClient tokenClient(ClientHttpRequestFactory requests) {
        RestClientClientCredentialsTokenResponseClient client = new RestClientClientCredentialsTokenResponseClient();
        client.setRestClient(RestClient.builder().requestFactory(requests)
                .messageConverters(List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build());
        return client;
    }
}
