package dev.flotilla.reference;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Normalisation of the codes callers pass in. Letters may come in any case and are normalised
 * (upper case for ISO codes, lower case for slugs); anything else that does not have the shape of a
 * code (null, blank, wrong length, other characters, surrounding spaces) is a caller error and fails
 * with a message that names the value.
 */
final class Codes {

    private static final Pattern TWO_LETTERS = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern THREE_LETTERS = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern THREE_DIGITS = Pattern.compile("[0-9]{3}");
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
    private static final int MAX_SLUG_LENGTH = 64;

    private Codes() {
    }

    /** A country code and the column it is looked up in. */
    record CountryCode(String column, String value) {
    }

    static CountryCode country(String code) {
        require(code, "country code");
        if (TWO_LETTERS.matcher(code).matches()) {
            return new CountryCode("alpha2", upper(code));
        }
        if (THREE_LETTERS.matcher(code).matches()) {
            return new CountryCode("alpha3", upper(code));
        }
        if (THREE_DIGITS.matcher(code).matches()) {
            return new CountryCode("numeric_code", code);
        }
        throw new IllegalArgumentException("country code must be ISO 3166-1 alpha-2 (2 letters), alpha-3 (3 letters) "
                + "or numeric (3 digits), got '" + code + "'");
    }

    static String alpha2(String code) {
        require(code, "country code");
        if (!TWO_LETTERS.matcher(code).matches()) {
            throw new IllegalArgumentException("country code must be ISO 3166-1 alpha-2 (2 letters), got '" + code + "'");
        }
        return upper(code);
    }

    static String currency(String code) {
        require(code, "currency code");
        if (!THREE_LETTERS.matcher(code).matches()) {
            throw new IllegalArgumentException("currency code must be ISO 4217 (3 letters), got '" + code + "'");
        }
        return upper(code);
    }

    static String slug(String slug) {
        require(slug, "category slug");
        if (slug.length() > MAX_SLUG_LENGTH || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("category slug must be letters and digits in words joined by single "
                    + "hyphens, at most " + MAX_SLUG_LENGTH + " characters, got '" + slug + "'");
        }
        return slug.toLowerCase(Locale.ROOT);
    }

    private static void require(String value, String what) {
        Objects.requireNonNull(value, () -> what + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    private static String upper(String code) {
        return code.toUpperCase(Locale.ROOT);
    }
}
