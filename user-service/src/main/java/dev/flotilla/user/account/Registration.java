package dev.flotilla.user.account;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import dev.flotilla.user.settings.UserSettings;
import dev.flotilla.web.problem.InvalidFieldsException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates accounts. Every rule is checked before anything is written; the unique constraint on the
 * email settles races between simultaneous registrations of one address.
 */
@Service
public class Registration {

    private static final int MAX_EMAIL_LENGTH = 254;

    private final Accounts accounts;
    private final ReferenceChecks referenceChecks;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Registration(Accounts accounts, ReferenceChecks referenceChecks, PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder, TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.referenceChecks = referenceChecks;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.transactions = transactions;
        this.clock = clock;
    }

    public AccountView register(RegisterRequest request) {
        return AccountView.of(register(request, Set.of(Role.CUSTOMER)));
    }

    Account register(RegisterRequest request, Set<Role> roles) {
        String email = EmailAddresses.normalise(request.email());
        if (email.length() > MAX_EMAIL_LENGTH) {
            // Lower-casing can lengthen a text ("İ" becomes two characters), so check again after it.
            throw new InvalidFieldsException("email", "must be at most " + MAX_EMAIL_LENGTH + " characters");
        }
        Account.Profile profile = referenceChecks.verify(new Account.Profile(request.displayName(),
                request.countryCode(), request.cityId(), request.preferredCurrency()));
        passwordPolicy.problem(request.password(), email).ifPresent(problem -> {
            throw new InvalidFieldsException("password", problem);
        });
        if (accounts.existsByEmail(email)) {
            throw new EmailTakenException();
        }
        // Hash outside the transaction: it takes ~100 ms and needs no connection.
        String hash = passwordEncoder.encode(request.password());
        String settings = UserSettings.defaults(profile.preferredCurrency()).toJson();
        Account account = new Account(UUID.randomUUID(), email, hash, profile, roles, settings, clock.instant());
        try {
            return transactions.execute(status -> {
                Account saved = accounts.save(account);
                accounts.flush();
                return saved;
            });
        } catch (DataIntegrityViolationException e) {
            if (accounts.existsByEmail(email)) {
                throw new EmailTakenException();
            }
            throw e;
        }
    }
}
