package dev.flotilla.user.account;

import java.util.UUID;

/** No account has this id. */
public class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException(UUID id) {
        super("no account with id " + id);
    }
}
