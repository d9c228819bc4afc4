package dev.flotilla.user.auth;

import java.util.List;

import dev.flotilla.user.UserServiceProperties;
import dev.flotilla.user.UserServiceProperties.LoginLimits;
import dev.flotilla.user.auth.AuthExceptions.TooManyLoginAttemptsException;
import dev.flotilla.user.ratelimit.ClientAddresses;
import dev.flotilla.user.ratelimit.RateLimitWindows;
import dev.flotilla.user.ratelimit.RateLimitWindows.Reservation;
import dev.flotilla.user.ratelimit.RateLimitWindows.Window;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Login rate limits in Redis, after the OWASP Authentication Cheat Sheet: brute force stays slow,
 * but nobody gets a button that locks another person out.
 *
 * <ul>
 * <li><b>Attempts per client address</b> (20 a minute): every attempt counts, before anything else,
 *     so that one address cannot make the service hash passwords without end. It stops only that address.</li>
 * <li><b>Failures per account and address</b> (5 in 15 minutes): the strict limit. Only failed
 *     logins count, and only from that address, so guesses from elsewhere never stop the owner.
 *     Reached, it refuses that address even the right password, so that a guess cannot be confirmed.</li>
 * <li><b>Failures per account</b> (50 an hour, from all addresses together): against guesses spread
 *     over many addresses. It refuses only addresses the account has not signed in from within
 *     {@code known-address-ttl}; the owner at an address of theirs still gets in.</li>
 * </ul>
 *
 * <p>A failure is counted by reserving a slot in both account windows atomically <em>before</em> the
 * password is checked ({@code reserve-in-windows.lua}), so simultaneous guesses cannot slip past a
 * limit; a successful login gives its slot back and clears the failures of its address. The email
 * is kept only as a SHA-256; IPv6 addresses count by their /64 prefix.
 *
 * <p><b>Fails open.</b> When Redis cannot be reached the limits are not enforced, so that users can
 * still log in; each skipped operation is counted in {@code flotilla.user.login.rate_limit.skipped}
 * for alerting. Password guessing stays bounded by the cost of BCrypt (about ten guesses per second
 * per core).
 */
@Component
class LoginRateLimiter {

    private static final String ADDRESS = "user:login:address:";
    private static final String FAILURES = "user:login:failures:";
    private static final String KNOWN = "user:login:known:";

    private final RateLimitWindows windows;
    private final LoginLimits limits;

    LoginRateLimiter(StringRedisTemplate redis, UserServiceProperties properties, MeterRegistry meters) {
        this.windows = new RateLimitWindows(redis, meters.counter("flotilla.user.login.rate_limit.skipped"));
        this.limits = properties.loginLimits();
    }

    /** One login attempt of an email from an address, as the limits see it. */
    record Attempt(String account, String address) {

        static Attempt of(String normalisedEmail, String clientAddress) {
            return new Attempt(Sha256.hex(normalisedEmail), ClientAddresses.limitKey(clientAddress));
        }
    }

    /** Counts an attempt from this address and refuses it beyond the limit. */
    void checkAddress(String clientAddress) {
        windows.count(new Window(ADDRESS + ClientAddresses.limitKey(clientAddress), limits.addressAttempts(),
                limits.addressWindow())).ifPresent(retryAfter -> {
                    throw new TooManyLoginAttemptsException("too many login attempts from this address", retryAfter);
                });
    }

    /** Reserves the failure this attempt may turn out to be, or refuses it if a limit is reached. */
    Reservation reserveFailure(Attempt attempt) {
        Window pair = new Window(FAILURES + attempt.account() + ":" + attempt.address(), limits.accountAddressFailures(),
                limits.accountAddressWindow());
        Window account = windows.remembers(known(attempt))
                ? Window.unlimited(FAILURES + attempt.account(), limits.accountWindow())
                : new Window(FAILURES + attempt.account(), limits.accountFailures(), limits.accountWindow());
        Reservation reservation = windows.reserve(List.of(pair, account));
        if (reservation.refused()) {
            throw new TooManyLoginAttemptsException(pair.equals(reservation.refusedBy())
                    ? "too many failed logins for this account from this address"
                    : "too many failed logins for this account; try again later or from an address you signed in from before",
                    reservation.retryAfter());
        }
        return reservation;
    }

    /** The attempt succeeded: its slot is given back, its address's failures cleared and the address remembered. */
    void succeeded(Attempt attempt, Reservation reservation) {
        windows.refund(reservation);
        windows.clear(FAILURES + attempt.account() + ":" + attempt.address());
        windows.remember(known(attempt), limits.knownAddressTtl());
    }

    /** The attempt ended neither in success nor in a wrong password (a store failed): it does not count. */
    void abandoned(Reservation reservation) {
        windows.refund(reservation);
    }

    private static String known(Attempt attempt) {
        return KNOWN + attempt.account() + ":" + attempt.address();
    }
}
