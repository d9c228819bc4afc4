package dev.flotilla.user.auth;

import dev.flotilla.user.account.AccountEvents.AccountDisabled;
import dev.flotilla.user.account.AccountEvents.PasswordChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends sessions when the account says so. Runs inside the account's transaction: if Redis cannot be
 * reached, the exception rolls the change back, so a password is never changed (nor an account
 * disabled) while its old sessions live on.
 */
@Component
class SessionRevocation {

    private final Sessions sessions;

    SessionRevocation(Sessions sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void on(PasswordChanged event) {
        sessions.revokeAll(event.accountId(), event.keptSessionId());
    }

    @EventListener
    void on(AccountDisabled event) {
        sessions.revokeAll(event.accountId(), null);
    }
}
