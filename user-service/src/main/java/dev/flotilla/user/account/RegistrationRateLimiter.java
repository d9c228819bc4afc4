package dev.flotilla.user.account;

import dev.flotilla.user.UserServiceProperties;
import dev.flotilla.user.UserServiceProperties.RegistrationLimits;
import dev.flotilla.user.ratelimit.ClientAddresses;
import dev.flotilla.user.ratelimit.RateLimitWindows;
import dev.flotilla.user.ratelimit.RateLimitWindows.Window;
import dev.flotilla.user.ratelimit.TooManyRequestsException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Registrations per client address ({@code flotilla.user.registration-limits}, 10 an hour): every
 * attempt counts, before anything is checked or hashed. Fails open when Redis is down, counting what it
 * skips in {@code flotilla.user.registration.rate_limit.skipped}.
 */
@Component
class RegistrationRateLimiter {

    private static final String ADDRESS = "user:registration:address:";

    private final RateLimitWindows windows;
    private final RegistrationLimits limits;

    RegistrationRateLimiter(StringRedisTemplate redis, UserServiceProperties properties, MeterRegistry meters) {
        this.windows = new RateLimitWindows(redis, meters.counter("flotilla.user.registration.rate_limit.skipped"));
        this.limits = properties.registrationLimits();
    }

    void check(String clientAddress) {
        windows.count(new Window(ADDRESS + ClientAddresses.limitKey(clientAddress), limits.addressAttempts(),
                limits.addressWindow())).ifPresent(retryAfter -> {
                    throw new TooManyRequestsException("too many registrations from this address", retryAfter);
                });
    }
}
