package dev.flotilla.user.client;

import java.util.List;
import java.util.function.Supplier;

import dev.flotilla.user.UserServiceProperties;
import dev.flotilla.user.UserServiceProperties.ClientAuthLimits;
import dev.flotilla.user.client.OAuthErrors.InvalidClientException;
import dev.flotilla.user.client.OAuthErrors.TooManyClientFailuresException;
import dev.flotilla.user.ratelimit.ClientAddresses;
import dev.flotilla.user.ratelimit.RateLimitWindows;
import dev.flotilla.user.ratelimit.RateLimitWindows.Reservation;
import dev.flotilla.user.ratelimit.RateLimitWindows.Window;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed client authentications per client address (10 a minute by default), counted in Redis: each
 * costs a BCrypt verification, so guessing secrets must not become a way to burn the service's CPU. A
 * failure is reserved before the secret is checked, so simultaneous guesses cannot slip past the limit,
 * and given back when the secret was right. Fails open when Redis is down (counted in
 * {@code flotilla.user.client_auth.rate_limit.skipped}).
 */
@Component
class ClientAuthRateLimiter {

    private static final String FAILURES = "user:client-auth:failures:";

    private final RateLimitWindows windows;
    private final ClientAuthLimits limits;

    ClientAuthRateLimiter(StringRedisTemplate redis, UserServiceProperties properties, MeterRegistry meters) {
        this.windows = new RateLimitWindows(redis, meters.counter("flotilla.user.client_auth.rate_limit.skipped"));
        this.limits = properties.clientAuthLimits();
    }

    /** Runs the check unless the address has failed too often; a failed check counts against the address. */
    <T> T limited(String clientAddress, Supplier<T> check) {
        Window window = new Window(FAILURES + ClientAddresses.limitKey(clientAddress), limits.addressFailures(),
                limits.addressWindow());
        Reservation reservation = windows.reserve(List.of(window));
        if (reservation.refused()) {
            throw new TooManyClientFailuresException(reservation.retryAfter());
        }
        try {
            T result = check.get();
            windows.refund(reservation);
            return result;
        } catch (InvalidClientException e) {
            throw e;
        } catch (RuntimeException e) {
            windows.refund(reservation);
            throw e;
        }
    }
}
