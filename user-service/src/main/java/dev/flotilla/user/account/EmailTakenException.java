package dev.flotilla.user.account;

/** Another account already has this email (compared case-insensitively). */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException() {
        super("an account with this email already exists");
    }
}
