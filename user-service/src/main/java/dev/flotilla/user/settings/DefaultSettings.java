package dev.flotilla.user.settings;

import java.time.Clock;

import dev.flotilla.user.account.AccountEvents.AccountRegistered;
import dev.flotilla.user.account.AccountSettingsStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A new account starts with the default settings, written in the transaction that stored it. */
@Component
class DefaultSettings {

    private final AccountSettingsStore store;
    private final Clock clock;

    DefaultSettings(AccountSettingsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    void on(AccountRegistered registered) {
        store.replaceSettings(registered.accountId(),
                UserSettings.defaults(registered.preferredCurrency()).toJson(), clock.instant());
    }
}
