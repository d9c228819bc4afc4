package dev.flotilla.user.reference;

/** No country has this code. */
public class UnknownCountryException extends RuntimeException {

    UnknownCountryException(String code) {
        super("no country with code '" + code + "'");
    }
}
