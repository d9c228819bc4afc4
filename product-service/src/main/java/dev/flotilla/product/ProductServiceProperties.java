package dev.flotilla.product;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of product-service, under {@code flotilla.product}; the JWKS address of user-service
 * is Spring Security's own {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, the token
 * issuer and the body-size limit are the web starter's ({@code flotilla.web}).
 *
 * @param cacheTtl how long a product stays in the Redis cache
 * @param nearCacheTtl how long a replica keeps a product read from Redis in memory (0: not at all)
 * @param nearCacheSize how many products a replica keeps in memory at most
 * @param reservationTtl how long an unconfirmed reservation holds its stock; also the age below which
 *     the sweeper never gives back a hold, whatever it read about the hold's reservation
 * @param sweepInterval how often expired reservations are released and interrupted ones finished
 * @param stalledAfter how long a reservation may stay in a transitional state before the sweeper
 *     finishes it (its request died half-way)
 * @param searchCandidates how many matching products a text search ranks at most
 * @param audience this service's name in the {@code aud} of service tokens: the stock reservation
 *     endpoints accept only SERVICE tokens whose audience contains it
 */
@ConfigurationProperties("flotilla.product")
public record ProductServiceProperties(
        @DefaultValue("5m") Duration cacheTtl,
        @DefaultValue("1s") Duration nearCacheTtl,
        @DefaultValue("10000") int nearCacheSize,
        @DefaultValue("15m") Duration reservationTtl,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("30s") Duration stalledAfter,
        @DefaultValue("1000") int searchCandidates,
        @DefaultValue("product-service") String audience) {
}
