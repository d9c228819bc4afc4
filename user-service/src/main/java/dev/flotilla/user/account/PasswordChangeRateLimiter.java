package dev.flotilla.user.account;

import java.util.List;
import java.util.UUID;

import dev.flotilla.user.UserServiceProperties;
import dev.flotilla.user.UserServiceProperties.PasswordChangeLimits;
import dev.flotilla.user.ratelimit.RateLimitWindows;
import dev.flotilla.user.ratelimit.RateLimitWindows.Reservation;
import dev.flotilla.user.ratelimit.RateLimitWindows.Window;
import dev.flotilla.user.ratelimit.TooManyRequestsException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Wrong current passwords in {@code PUT /api/users/me/password} per account
 * ({@code flotilla.user.password-change-limits}, 5 in 15 minutes), so that whoever holds an access
 * token cannot guess the password without end. Only the account's own token reaches this, so the key
 * needs no client address. A failure is reserved atomically before the check and given back when
 * the current password was right, as for logins. Fails open when Redis is down, counting what it skips
 * in {@code flotilla.user.password_change.rate_limit.skipped}.
 */
@Component
class PasswordChangeRateLimiter {

    private static final String FAILURES = "user:password-change:failures:";

    private final RateLimitWindows windows;
    private final PasswordChangeLimits limits;

    PasswordChangeRateLimiter(StringRedisTemplate redis, UserServiceProperties properties, MeterRegistry meters) {
        this.windows = new RateLimitWindows(redis, meters.counter("flotilla.user.password_change.rate_limit.skipped"));
        this.limits = properties.passwordChangeLimits();
    }

    /** Reserves the failure this attempt may turn out to be, or refuses it once the limit is reached. */
    Reservation reserveFailure(UUID accountId) {
        Reservation reservation = windows.reserve(List.of(new Window(FAILURES + accountId, limits.failures(), limits.window())));
        if (reservation.refused()) {
            throw new TooManyRequestsException("too many wrong current passwords", reservation.retryAfter());
        }
        return reservation;
    }

    /** The current password was right: the reserved failure is given back. */
    void currentPasswordWasRight(Reservation reservation) {
        windows.refund(reservation);
    }
}
