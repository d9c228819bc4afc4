package dev.flotilla.order.catalogue;

import java.time.Clock;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.client.RestClient;

/**
 * The client of product-service: a RestClient made from Boot's builder (so W3C trace context and
 * client metrics apply), the service's access token, and the circuit breaker's settings.
 */
@Configuration(proxyBeanMethods = false)
class ProductServiceConfiguration {

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> productServiceBreaker(ProductServiceProperties properties) {
        return factory -> ProductServiceClient.configureBreaker(factory, properties);
    }

    @Bean
    ProductServiceClient productServiceClient(RestClient.Builder builder, ProductServiceProperties properties,
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientService authorizedClients,
            CircuitBreakerFactory<?, ?> breakers, Clock clock) {
        return client(builder, properties, registrations, authorizedClients, breakers, clock);
    }

    /** The whole client from its parts; tests assemble it the same way. */
    static ProductServiceClient client(RestClient.Builder builder, ProductServiceProperties properties,
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientService authorizedClients,
            CircuitBreakerFactory<?, ?> breakers, Clock clock) {
        DeadlineRequestFactory requests = new DeadlineRequestFactory(properties.connectTimeout(), properties.readTimeout());
        RestClient rest = builder.baseUrl(properties.baseUrl().toString()).requestFactory(requests)
                .requestInterceptor(ServiceIdentity.interceptor(registrations, authorizedClients, requests,
                        properties.tokenRenewalSkew(), clock))
                .build();
        return new ProductServiceClient(rest,
                breakers.create(ProductServiceClient.BREAKER_ID, ProductServiceClient.BREAKER_ID), properties);
    }
}
