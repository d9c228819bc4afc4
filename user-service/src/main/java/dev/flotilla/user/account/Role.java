package dev.flotilla.user.account;

/** What an account may do. Every account is a customer; administrators are also {@code ADMIN}. */
public enum Role {
    CUSTOMER, ADMIN
}
