package dev.flotilla.user.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import dev.flotilla.user.account.AccountEvents.AccountRegistered;
import dev.flotilla.web.problem.InvalidFieldsException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates accounts. Every rule is checked before anything is written: the email is normalised and
 * must not look like a taken one ({@link EmailAddresses}), the profile must match the reference data,
 * the password the policy. The unique constraints on the email and on its skeleton settle races
 * between simultaneous registrations of one address or of two lookalikes. Registrations from the API
 * count against the limit per client address first.
 */
@Service
public class Registration {

    private static final int MAX_EMAIL_LENGTH = 254;

    private final Accounts accounts;
    private final RegistrationRateLimiter rateLimiter;
    private final ReferenceChecks referenceChecks;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registration(Accounts accounts, RegistrationRateLimiter rateLimiter, ReferenceChecks referenceChecks,
            PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.rateLimiter = rateLimiter;
        this.referenceChecks = referenceChecks;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** A customer's own registration, from {@code clientAddress}. */
    public AccountView register(RegisterRequest request, String clientAddress) {
        rateLimiter.check(clientAddress);
        return AccountView.of(register(request, Set.of(Role.CUSTOMER)));
    }

    Account register(RegisterRequest request, Set<Role> roles) {
        String email = EmailAddresses.normalise(request.email());
        String skeleton = EmailAddresses.skeleton(email);
        checkLengths(email, skeleton);
        Account.Profile profile = referenceChecks.verify(new Account.Profile(request.displayName(),
                request.countryCode(), request.cityId(), request.preferredCurrency()));
        passwordPolicy.problem(request.password(), email).ifPresent(problem -> {
            throw new InvalidFieldsException("password", problem);
        });
        checkAvailable(email, skeleton);
        // Hash outside the transaction: it takes ~100 ms and needs no connection.
        String hash = passwordEncoder.encode(request.password());
        // The settings feature writes the defaults, in this transaction, when it hears of the account.
        Account account = new Account(UUID.randomUUID(), email, hash, profile, roles, "{}", clock.instant());
        try {
            return transactions.execute(status -> {
                Account saved = accounts.save(account);
                accounts.flush();
                events.publishEvent(new AccountRegistered(saved.id(), profile.preferredCurrency()));
                return saved;
            });
        } catch (DataIntegrityViolationException e) {
            checkAvailable(email, skeleton);
            throw e;
        }
    }

    private static void checkLengths(String email, String skeleton) {
        if (email.length() > MAX_EMAIL_LENGTH) {
            // Normalising can lengthen a text ("İ" becomes two characters), so check again after it.
            throw new InvalidFieldsException("email", "must be at most " + MAX_EMAIL_LENGTH + " characters");
        }
        if (skeleton.getBytes(StandardCharsets.UTF_8).length > EmailAddresses.MAX_SKELETON_BYTES) {
            throw new InvalidFieldsException("email", "has too many unusual characters");
        }
    }

    private void checkAvailable(String email, String skeleton) {
        if (accounts.existsByEmail(email)) {
            throw new EmailTakenException();
        }
        if (accounts.existsByEmailSkeleton(skeleton)) {
            throw new EmailLookalikeException();
        }
    }
}
