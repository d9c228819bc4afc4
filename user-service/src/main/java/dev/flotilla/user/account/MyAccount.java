package dev.flotilla.user.account;

import java.time.Clock;
import java.util.UUID;

import dev.flotilla.user.account.AccountEvents.AccountChanged;
import dev.flotilla.user.account.AccountEvents.PasswordChanged;
import dev.flotilla.user.ratelimit.RateLimitWindows.Reservation;
import dev.flotilla.web.problem.InvalidFieldsException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** What a signed-in user does with their own account: read and change the profile, change the password. */
@Service
public class MyAccount {

    private final Accounts accounts;
    private final ProfileCache cache;
    private final ReferenceChecks referenceChecks;
    private final ProfilePatch profilePatch;
    private final PasswordPolicy passwordPolicy;
    private final PasswordChangeRateLimiter passwordChangeLimiter;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MyAccount(Accounts accounts, ProfileCache cache, ReferenceChecks referenceChecks, ProfilePatch profilePatch,
            PasswordPolicy passwordPolicy, PasswordChangeRateLimiter passwordChangeLimiter, PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.cache = cache;
        this.referenceChecks = referenceChecks;
        this.profilePatch = profilePatch;
        this.passwordPolicy = passwordPolicy;
        this.passwordChangeLimiter = passwordChangeLimiter;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public AccountView view(UUID id) {
        return cache.get(id, () -> AccountView.of(find(id)));
    }

    @Transactional
    public AccountView updateProfile(UUID id, JsonNode mergePatch) {
        Account account = find(id);
        Account.Profile profile = referenceChecks.verify(profilePatch.apply(account.profile(), mergePatch));
        account.changeProfile(profile, clock.instant());
        events.publishEvent(new AccountChanged(id));
        return AccountView.of(accounts.save(account));
    }

    /**
     * Changes the password when the current one is right, and ends every other session of the account
     * in the same transaction: if the sessions cannot be ended, the password stays as it was. The two
     * hash computations (about 120 ms each) run before the transaction, holding no connection. Wrong
     * current passwords are limited per account ({@link PasswordChangeRateLimiter}).
     */
    public void changePassword(UUID id, ChangePasswordRequest request, @Nullable String currentSessionId) {
        Account account = find(id);
        Reservation failure = passwordChangeLimiter.reserveFailure(id);
        if (!passwordEncoder.matches(request.currentPassword(), account.passwordHash())
                || !PasswordPolicy.fitsBcrypt(request.currentPassword())) {
            throw new InvalidFieldsException("currentPassword", "is not the current password");
        }
        passwordChangeLimiter.currentPasswordWasRight(failure);
        passwordPolicy.problem(request.newPassword(), account.email()).ifPresent(problem -> {
            throw new InvalidFieldsException("newPassword", problem);
        });
        String newHash = passwordEncoder.encode(request.newPassword());
        transactions.executeWithoutResult(status -> {
            Account current = find(id);
            if (!current.passwordHash().equals(account.passwordHash())) {
                throw new InvalidFieldsException("currentPassword", "was changed at the same time; try again");
            }
            current.changePasswordHash(newHash, clock.instant());
            accounts.save(current);
            events.publishEvent(new PasswordChanged(id, currentSessionId));
            events.publishEvent(new AccountChanged(id));
        });
    }

    Account find(UUID id) {
        return accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
    }
}
