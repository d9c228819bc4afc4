package dev.flotilla.user.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.flotilla.user.account.Account;
import dev.flotilla.user.account.Accounts;
import dev.flotilla.user.account.EmailAddresses;
import dev.flotilla.user.account.PasswordPolicy;
import dev.flotilla.user.auth.AuthExceptions.InvalidRefreshTokenException;
import dev.flotilla.user.auth.AuthExceptions.LoginFailedException;
import dev.flotilla.user.auth.AuthExceptions.SessionStoreUnavailableException;
import dev.flotilla.user.ratelimit.RateLimitWindows.Reservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Login, refresh and logout. A login counts against the rate limits ({@link LoginRateLimiter}: a
 * failure is reserved before the password check and given back on success), then checks the password
 * (also for unknown emails, against a dummy hash, so that timing does not tell whether an account
 * exists), opens a session and issues tokens. A refresh rotates the session's refresh token; a token that was already
 * rotated away ends the whole session.
 */
@Service
class Login {

    private static final Logger log = LoggerFactory.getLogger(Login.class);

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginRateLimiter rateLimiter;
    private final Sessions sessions;
    private final TokenIssuer tokens;
    private final String dummyHash;

    Login(Accounts accounts, PasswordEncoder passwordEncoder, LoginRateLimiter rateLimiter, Sessions sessions,
            TokenIssuer tokens) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.rateLimiter = rateLimiter;
        this.sessions = sessions;
        this.tokens = tokens;
        this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /** Who is logging in from where, for rate limits and the session list. */
    record Client(String address, String userAgent) {
    }

    TokenResponse login(LoginRequest request, Client client) {
        rateLimiter.checkAddress(client.address());
        String email = EmailAddresses.normalise(request.email());
        LoginRateLimiter.Attempt attempt = LoginRateLimiter.Attempt.of(email, client.address());
        Reservation reservation = rateLimiter.reserveFailure(attempt);
        Account account;
        try {
            account = authenticate(email, request.password());
        } catch (LoginFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            rateLimiter.abandoned(reservation);
            throw e;
        }
        rateLimiter.succeeded(attempt, reservation);
        return openSession(account, client);
    }

    /**
     * The active account with this email and password. The hash is checked for unknown emails too,
     * against a dummy hash, and a disabled account answers like a wrong password: neither timing nor
     * the answer says whether an account exists or whether the password was right.
     */
    private Account authenticate(String email, String password) {
        Account account = accounts.findByEmail(email).orElse(null);
        String hash = account != null ? account.passwordHash() : dummyHash;
        // BCrypt reads only the first 72 bytes: a longer password would match one that is its prefix.
        // No password longer than that can be set, so a longer one is wrong, after the same work.
        boolean matches = passwordEncoder.matches(password, hash) && PasswordPolicy.fitsBcrypt(password);
        if (!matches || account == null || !account.isActive()) {
            throw new LoginFailedException();
        }
        return account;
    }

    TokenResponse refresh(String refreshToken) {
        RefreshToken presented = RefreshToken.parse(refreshToken)
                .orElseThrow(() -> new InvalidRefreshTokenException("not a refresh token"));
        return switch (sessions.rotate(presented)) {
            case Sessions.Rotation.Rotated rotated -> {
                Account account = accounts.findById(rotated.accountId()).filter(Account::isActive).orElse(null);
                if (account == null) {
                    sessions.revoke(rotated.accountId(), rotated.session().sessionId());
                    throw new InvalidRefreshTokenException("the account is disabled or gone");
                }
                yield response(tokens.issue(account, rotated.session().sessionId()), rotated.session());
            }
            case Sessions.Rotation.Reused reused -> {
                log.warn("Refresh token reused for session {} of account {}: session revoked", reused.sessionId(),
                        reused.accountId());
                throw new InvalidRefreshTokenException("this refresh token was already used; the session is revoked");
            }
            case Sessions.Rotation.Invalid invalid -> throw new InvalidRefreshTokenException("unknown or expired refresh token");
        };
    }

    private TokenResponse openSession(Account account, Client client) {
        try {
            Sessions.Opened session = sessions.open(account.id(), client.userAgent(), client.address());
            return response(tokens.issue(account, session.sessionId()), session);
        } catch (SessionStoreUnavailableException e) {
            log.warn("Login of {} without a session, the session store is unavailable: {}", account.id(), e.getMessage());
            TokenIssuer.AccessToken access = tokens.issue(account, null);
            return new TokenResponse(access.value(), "Bearer", access.lifetime().toSeconds(), null, null, null);
        }
    }

    private static TokenResponse response(TokenIssuer.AccessToken access, Sessions.Opened session) {
        return new TokenResponse(access.value(), "Bearer", access.lifetime().toSeconds(), session.refreshToken(),
                secondsBetween(access.issuedAt(), session.expiresAt()), session.sessionId());
    }

    /** Rounded up: the session was opened a few milliseconds before the access token was signed. */
    private static long secondsBetween(Instant from, Instant to) {
        return (Duration.between(from, to).toMillis() + 999) / 1000;
    }
}
