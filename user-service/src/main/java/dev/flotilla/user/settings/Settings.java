package dev.flotilla.user.settings;

import java.time.Clock;
import java.util.UUID;

import dev.flotilla.reference.ReferenceData;
import dev.flotilla.user.account.AccountSettingsStore;
import dev.flotilla.web.problem.InvalidFieldsException;
import org.springframework.stereotype.Service;

/** Reads and replaces a user's settings document; the currency must exist in the reference data. */
@Service
class Settings {

    private final AccountSettingsStore store;
    private final ReferenceData referenceData;
    private final Clock clock;

    Settings(AccountSettingsStore store, ReferenceData referenceData, Clock clock) {
        this.store = store;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    UserSettings get(UUID accountId) {
        return UserSettings.fromJson(store.settingsJson(accountId));
    }

    UserSettings replace(UUID accountId, UserSettings settings) {
        UserSettings normalised = settings.normalised();
        if (referenceData.currency(normalised.currency()).isEmpty()) {
            throw new InvalidFieldsException("currency", "unknown currency code '" + settings.currency() + "'");
        }
        store.replaceSettings(accountId, normalised.toJson(), clock.instant());
        return normalised;
    }
}
