package dev.flotilla.user.account;

/** A disabled account cannot log in and has no sessions. */
public enum AccountStatus {
    ACTIVE, DISABLED
}
