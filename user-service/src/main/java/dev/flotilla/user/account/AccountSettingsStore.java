package dev.flotilla.user.account;

import java.time.Instant;
import java.util.UUID;

import dev.flotilla.user.account.AccountEvents.AccountChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The settings document of an account, for the settings feature; it knows nothing of its content. */
@Component
public class AccountSettingsStore {

    private final MyAccount myAccount;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    AccountSettingsStore(MyAccount myAccount, Accounts accounts, ApplicationEventPublisher events) {
        this.myAccount = myAccount;
        this.accounts = accounts;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public String settingsJson(UUID accountId) {
        return myAccount.find(accountId).settings();
    }

    @Transactional
    public void replaceSettings(UUID accountId, String settingsJson, Instant now) {
        Account account = myAccount.find(accountId);
        account.changeSettings(settingsJson, now);
        accounts.save(account);
        events.publishEvent(new AccountChanged(accountId));
    }
}
