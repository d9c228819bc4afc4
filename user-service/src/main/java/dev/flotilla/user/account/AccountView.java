package dev.flotilla.user.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An account as the API shows it: never the password hash. */
public record AccountView(UUID id, String email, String displayName, String countryCode, @Nullable Long cityId,
        String preferredCurrency, Set<Role> roles, AccountStatus status, Instant createdAt, Instant updatedAt) {

    static AccountView of(Account account) {
        Account.Profile profile = account.profile();
        return new AccountView(account.id(), account.email(), profile.displayName(), profile.countryCode(),
                profile.cityId(), profile.preferredCurrency(), account.roles(), account.status(), account.createdAt(),
                account.updatedAt());
    }
}
