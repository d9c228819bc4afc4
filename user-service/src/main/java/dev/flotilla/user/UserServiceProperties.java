package dev.flotilla.user;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of user-service, under {@code flotilla.user}. Every value has a default that works
 * in embedded mode; secrets (signing keys, the bootstrap admin password) come from the environment.
 *
 * @param jwt how access tokens are signed and how long tokens live
 * @param loginLimits the login rate limits
 * @param registrationLimits the registration rate limit
 * @param passwordChangeLimits the limit on wrong current passwords when changing the password
 * @param passwords password hashing
 * @param profileCacheTtl how long a profile stays in the Redis cache
 * @param bootstrapAdmin the administrator created at startup if absent
 * @param clients the services that may obtain tokens with the client-credentials grant
 *     ({@code POST /oauth2/token})
 * @param clientTokenTtl lifetime of a token issued to a client
 * @param clientAuthLimits the limit on failed client authentications
 */
@ConfigurationProperties("flotilla.user")
public record UserServiceProperties(
        @DefaultValue Jwt jwt,
        @DefaultValue LoginLimits loginLimits,
        @DefaultValue RegistrationLimits registrationLimits,
        @DefaultValue PasswordChangeLimits passwordChangeLimits,
        @DefaultValue Passwords passwords,
        @DefaultValue("10m") Duration profileCacheTtl,
        @DefaultValue BootstrapAdmin bootstrapAdmin,
        @DefaultValue List<Client> clients,
        @DefaultValue("5m") Duration clientTokenTtl,
        @DefaultValue ClientAuthLimits clientAuthLimits) {

    /**
     * Token settings.
     *
     * @param issuer the {@code iss} claim of every access token
     * @param accessTokenTtl lifetime of an access token
     * @param refreshTokenTtl lifetime of a refresh token (and of its session) since its last use
     * @param signingKeyId the {@code kid} of the key that signs new tokens; default: the first key with
     *     a private part
     * @param keys configured keys (production: from a Secret); all are published in the JWKS, so a
     *     retired key stays valid for verification while its tokens live
     * @param generateMissingKey when no key is configured, generate one and keep it in
     *     {@code keyDirectory}; off by default, because each replica would sign with a key of its own
     *     that the others do not know. Only the local platform and development turn it on; without
     *     it and without a configured key the service does not start
     * @param keyDirectory where a generated key is kept
     */
    public record Jwt(
            @DefaultValue("flotilla-user-service") String issuer,
            @DefaultValue("15m") Duration accessTokenTtl,
            @DefaultValue("30d") Duration refreshTokenTtl,
            @Nullable String signingKeyId,
            @DefaultValue List<SigningKey> keys,
            @DefaultValue("false") boolean generateMissingKey,
            @Nullable Path keyDirectory) {
    }

    /**
     * An RSA key in PEM form.
     *
     * @param id the key id ({@code kid})
     * @param privateKey PKCS#8 PEM ({@code BEGIN PRIVATE KEY}); absent for a retired key kept for
     *     verification only
     * @param publicKey X.509 PEM ({@code BEGIN PUBLIC KEY}); derived from the private key if absent
     */
    public record SigningKey(String id, @Nullable String privateKey, @Nullable String publicKey) {
    }

    /**
     * Login rate limits, counted in Redis. Only failed logins count against an account, and the
     * strict limit is keyed on the account <em>and</em> the client address, so that guesses from one
     * place cannot lock the owner out elsewhere. The account-wide limit, against guesses spread over
     * many addresses, never applies to an address the account signed in from within
     * {@code knownAddressTtl}. IPv6 addresses count by their /64 prefix.
     *
     * @param accountAddressFailures failed logins per account and client address before that address
     *     is refused for the rest of {@code accountAddressWindow}, even with the right password
     * @param accountAddressWindow the window of failed logins per account and client address
     * @param accountFailures failed logins per account, from all addresses together, before
     *     addresses the account has not signed in from are refused for the rest of {@code accountWindow}
     * @param accountWindow the window of failed logins per account
     * @param knownAddressTtl how long an address the account signed in from is exempt from the
     *     account-wide limit; renewed with every successful login from it
     * @param addressAttempts login attempts (successful or not) per client address within {@code addressWindow}
     * @param addressWindow the window of attempts per client address
     */
    public record LoginLimits(
            @DefaultValue("5") int accountAddressFailures,
            @DefaultValue("15m") Duration accountAddressWindow,
            @DefaultValue("50") int accountFailures,
            @DefaultValue("1h") Duration accountWindow,
            @DefaultValue("30d") Duration knownAddressTtl,
            @DefaultValue("20") int addressAttempts,
            @DefaultValue("1m") Duration addressWindow) {
    }

    /**
     * The registration rate limit, counted in Redis: every attempt counts, successful or not, which
     * also slows down probing which emails have accounts (a taken email answers 409).
     *
     * @param addressAttempts registration attempts per client address within {@code addressWindow}
     * @param addressWindow the window of registration attempts per client address
     */
    public record RegistrationLimits(
            @DefaultValue("10") int addressAttempts,
            @DefaultValue("1h") Duration addressWindow) {
    }

    /**
     * The limit on wrong current passwords in {@code PUT /api/users/me/password}, per account: a
     * stolen access token must not become unlimited password guessing.
     *
     * @param failures wrong current passwords per account before password changes are refused for
     *     the rest of {@code window}
     * @param window the window of wrong current passwords
     */
    public record PasswordChangeLimits(
            @DefaultValue("5") int failures,
            @DefaultValue("15m") Duration window) {
    }

    /**
     * Password hashing.
     *
     * @param bcryptStrength BCrypt log rounds; 11 costs about 100 ms per hash on the build machines
     */
    public record Passwords(@DefaultValue("11") int bcryptStrength) {
    }

    /**
     * The administrator created at startup when no account has its email; nothing is created while
     * the email or the password is unset.
     *
     * @param email the administrator's email
     * @param password the administrator's password (from the environment)
     * @param countryCode the administrator's country
     * @param currency the administrator's preferred currency
     */
    public record BootstrapAdmin(
            @Nullable String email,
            @Nullable String password,
            @DefaultValue("DE") String countryCode,
            @DefaultValue("EUR") String currency) {
    }

    /**
     * A service that obtains its own tokens with the OAuth 2.0 client-credentials grant, e.g.
     * order-service calling product-service. Only the hash of its secret is configured.
     *
     * @param id the {@code client_id}; also the {@code sub} of its tokens
     * @param secretHash BCrypt hash of the client secret ({@code $2a$...}, or
     *     {@code {bcrypt}$2a$...} as Spring's DelegatingPasswordEncoder writes it); never the secret itself
     * @param roles the {@code roles} claim of its tokens; CUSTOMER and ADMIN belong to accounts and are refused
     * @param audiences the {@code aud} claim of its tokens: the services it may call
     */
    public record Client(
            @Nullable String id,
            @Nullable String secretHash,
            @DefaultValue("SERVICE") List<String> roles,
            @DefaultValue List<String> audiences) {

        @Override
        public String toString() {
            return "Client[id=" + id + ", roles=" + roles + ", audiences=" + audiences + "]";
        }
    }

    /**
     * The limit on failed client authentications at {@code POST /oauth2/token}, per client address,
     * counted in Redis: each one costs a BCrypt verification.
     *
     * @param addressFailures failed client authentications per client address before that address
     *     is refused for the rest of {@code addressWindow}
     * @param addressWindow the window of failed client authentications per address
     */
    public record ClientAuthLimits(
            @DefaultValue("10") int addressFailures,
            @DefaultValue("1m") Duration addressWindow) {
    }
}
