package dev.flotilla.user.account;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.flotilla.user.account.AccountEvents.AccountChanged;
import dev.flotilla.user.account.AccountEvents.AccountDisabled;
import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What administrators do with accounts: find them, change their roles, disable and enable them. */
@Service
class AccountAdministration {

    private final Accounts accounts;
    private final MyAccount myAccount;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountAdministration(Accounts accounts, MyAccount myAccount, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.myAccount = myAccount;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<AccountView> find(@Nullable String emailPrefix, @Nullable String countryCode, int page, int size) {
        // Compared in the stored form; a NUL, which PostgreSQL cannot take, or another invisible character is a 400.
        String prefix = emailPrefix == null || emailPrefix.isEmpty() ? null : EmailAddresses.canonical(emailPrefix, "emailPrefix");
        Specification<Account> filter = (root, query, criteria) -> {
            Predicate all = criteria.conjunction();
            if (prefix != null) {
                all = criteria.and(all, criteria.like(root.get("email"), likePrefix(prefix), '\\'));
            }
            if (countryCode != null) {
                all = criteria.and(all, criteria.equal(root.get("countryCode"), countryCode.toUpperCase(Locale.ROOT)));
            }
            return all;
        };
        return accounts.findAll(filter, PageRequest.of(page, size, Sort.by("email"))).map(AccountView::of);
    }

    @Transactional
    AccountView assignRoles(UUID id, Set<Role> roles) {
        Account account = myAccount.find(id);
        account.assignRoles(roles, clock.instant());
        events.publishEvent(new AccountChanged(id));
        return AccountView.of(accounts.save(account));
    }

    /** Disables the account and ends its sessions in the same transaction. */
    @Transactional
    AccountView disable(UUID id) {
        Account account = myAccount.find(id);
        account.disable(clock.instant());
        events.publishEvent(new AccountDisabled(id));
        events.publishEvent(new AccountChanged(id));
        return AccountView.of(accounts.save(account));
    }

    @Transactional
    AccountView enable(UUID id) {
        Account account = myAccount.find(id);
        account.enable(clock.instant());
        events.publishEvent(new AccountChanged(id));
        return AccountView.of(accounts.save(account));
    }

    /** Escapes LIKE wildcards so that a prefix such as {@code a%} matches literally. */
    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
