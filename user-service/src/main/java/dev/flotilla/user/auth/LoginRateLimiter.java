package dev.flotilla.user.auth;

import java.time.Duration;
import java.util.List;

import dev.flotilla.user.UserServiceProperties;
import dev.flotilla.user.UserServiceProperties.LoginLimits;
import dev.flotilla.user.auth.AuthExceptions.TooManyLoginAttemptsException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Login rate limits in Redis, as fixed windows: attempts per client address, and unsuccessful attempts
 * per account (the email is stored only as a hash). An account attempt is counted atomically before
 * the password is checked, so simultaneous guesses cannot slip past the limit; a successful login
 * clears the account's count.
 *
 * <p><b>Fails open.</b> When Redis cannot be reached the limits are not enforced, so that users can
 * still log in; each skipped check is counted in {@code flotilla.user.login.rate_limit.skipped} for
 * alerting. Password guessing stays bounded by the cost of BCrypt (about ten guesses per second per
 * core).
 */
@Component
class LoginRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(LoginRateLimiter.class);
    private static final String ADDRESS = "user:login:address:";
    private static final String FAILURES = "user:login:failures:";

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> COUNT = RedisScript.of(new ClassPathResource("redis/count-in-window.lua"), List.class);

    private final StringRedisTemplate redis;
    private final LoginLimits limits;
    private final Counter skipped;

    LoginRateLimiter(StringRedisTemplate redis, UserServiceProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.limits = properties.loginLimits();
        this.skipped = meters.counter("flotilla.user.login.rate_limit.skipped");
    }

    /** Counts an attempt from this address and refuses it beyond the limit. */
    void checkAddress(String address) {
        try {
            List<?> counted = redis.execute(COUNT, List.of(ADDRESS + address), Long.toString(limits.addressWindow().toMillis()));
            if ((Long) counted.get(0) > limits.addressAttempts()) {
                throw new TooManyLoginAttemptsException("too many login attempts from this address", retryAfter(counted));
            }
        } catch (DataAccessException e) {
            skip(e);
        }
    }

    /** Counts an attempt on the account and refuses it beyond the limit of failures. */
    void checkAccount(String email) {
        try {
            List<?> counted = redis.execute(COUNT, List.of(FAILURES + Sha256.hex(email)),
                    Long.toString(limits.accountWindow().toMillis()));
            if ((Long) counted.get(0) > limits.accountFailures()) {
                throw new TooManyLoginAttemptsException("too many failed logins for this account", retryAfter(counted));
            }
        } catch (DataAccessException e) {
            skip(e);
        }
    }

    void reset(String email) {
        try {
            redis.delete(FAILURES + Sha256.hex(email));
        } catch (DataAccessException e) {
            skip(e);
        }
    }

    private static Duration retryAfter(List<?> counted) {
        return Duration.ofMillis(Math.max(0, (Long) counted.get(1)));
    }

    private void skip(DataAccessException e) {
        skipped.increment();
        log.warn("Login rate limit not checked, Redis unavailable: {}", e.getMessage());
    }
}
