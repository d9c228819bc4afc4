package dev.flotilla.order.catalogue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * The product-service client assembled as {@link ProductServiceConfiguration} does, against a stub, with
 * the breaker factory made as Spring Cloud's auto-configuration makes it from order-service's settings.
 */
record ClientAssembly(ProductCatalogue catalogue, StockReservations reservations, CircuitBreakerRegistry breakers) {

    static ProductServiceProperties properties(String baseUrl, Duration readTimeout, ProductServiceProperties.Breaker breaker) {
        return new ProductServiceProperties(URI.create(baseUrl), Duration.ofMillis(300), readTimeout,
                Duration.ofMillis(2500), Duration.ofSeconds(60),
                new ProductServiceProperties.Retry(2, Duration.ofMillis(50), 2, Duration.ofMillis(200)), breaker);
    }

    static ProductServiceProperties properties(String baseUrl) {
        return properties(baseUrl, Duration.ofSeconds(1),
                new ProductServiceProperties.Breaker(50, 10, 10, Duration.ofSeconds(10), 2));
    }

    static ClientAssembly of(StubProductService stub, ProductServiceProperties properties, Clock clock) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(ServiceIdentity.REGISTRATION_ID)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientId("order-service").clientSecret("order-secret").tokenUri(stub.tokenUri()).build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        Resilience4JCircuitBreakerFactory factory = new Resilience4JCircuitBreakerFactory(breakers,
                TimeLimiterRegistry.ofDefaults(), null, new Resilience4JConfigurationProperties());
        new ProductServiceConfiguration().productServiceBreaker(properties).customize(factory);
        ProductServiceClient client = ProductServiceConfiguration.client(RestClient.builder(), properties, registrations,
                new InMemoryOAuth2AuthorizedClientService(registrations), factory, clock);
        return new ClientAssembly(new ProductCatalogue(client), new StockReservations(client), breakers);
    }

    CircuitBreaker.State breakerState() {
        return breakers.circuitBreaker(ProductServiceClient.BREAKER_ID).getState();
    }
}
