package dev.flotilla.user.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Events published when an account changes; listeners run inside the changing transaction unless they say otherwise. */
public final class AccountEvents {

    private AccountEvents() {
    }

    /** A new account was stored; it has no settings until a listener writes them. */
    public record AccountRegistered(UUID accountId, String preferredCurrency) {
    }

    /** Any change to what {@code GET /api/users/me} shows. */
    public record AccountChanged(UUID accountId) {
    }

    /** The password changed: every session but {@code keptSessionId} must end. */
    public record PasswordChanged(UUID accountId, @Nullable String keptSessionId) {
    }

    /** The account was disabled: every session must end. */
    public record AccountDisabled(UUID accountId) {
    }
}
