package dev.flotilla.user.account;

/**
 * What an account may do. Every account is a customer; administrators are also {@code ADMIN}.
 * {@code SERVICE} marks an account another service logs in with (order-service reserving stock at
 * product-service); an administrator grants it.
 */
public enum Role {
    CUSTOMER, ADMIN, SERVICE
}
