package dev.flotilla.user.account;

import java.util.Locale;

/** Emails are compared and stored in lower case: one account per address, whatever its case. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
