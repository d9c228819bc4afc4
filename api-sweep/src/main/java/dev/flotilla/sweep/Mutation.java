package dev.flotilla.sweep;

/**
 * What a sweep request changes about a valid request, and whether the service must refuse it. An
 * input that must be refused and is answered with 2xx is a finding; any input answered with 5xx is.
 */
public enum Mutation {

    /** The valid request, with the strongest token. */
    VALID("valid request", false),
    /** The valid request with each other token (other roles). */
    OTHER_ROLE("valid request, another role", false),
    /** The valid request without a token, on a protected operation. */
    NO_TOKEN("no token", true),
    /** The valid request with a garbage, unsigned ({@code alg: none}), foreign-key or expired token. */
    FORGED_TOKEN("forged token", true),
    /** A required field left out or sent as {@code null}. */
    MISSING_FIELD("required field missing", true),
    /** A value of another JSON type than declared: string for number, number for string, object for array... */
    WRONG_TYPE("wrong type", true),
    /** {@code 1.5} for an integer. */
    FRACTION_FOR_INTEGER("fraction for integer", true),
    /** A number for an enum string. */
    NUMBER_FOR_ENUM("number for enum", true),
    /** An enum name padded with spaces or NUL. */
    PADDED_ENUM("padded enum name", true),
    /** A query value that names no constant of its enum. */
    UNKNOWN_ENUM("unknown enum value", true),
    /** A string over {@code maxLength}. */
    TOO_LONG("over maxLength", true),
    /** A number outside minimum/maximum, or an array outside minItems/maxItems. */
    OUT_OF_RANGE("out of range", true),
    /** Text with NUL, another C0 control, a lone surrogate, U+FFFE or a byte order mark. */
    CONTROL_TEXT("control or invalid characters", true),
    /** Only whitespace (also U+00A0, U+3000) or a zero-width space for required text. */
    BLANK_TEXT("blank text", true),
    /** A body that is not JSON. */
    NOT_JSON("body not JSON", true),
    /** No body where one is expected. */
    EMPTY_BODY("empty body", true),
    /** A valid body padded with whitespace to a few megabytes. */
    OVERSIZED_BODY("oversized body", true),
    /** The valid body sent as {@code *}{@code /*}, {@code text/plain} or {@code application/xml}. */
    WRONG_CONTENT_TYPE("wrong content type", true),
    /** A real id with a trailing {@code %20} or {@code %00}, one character longer or shorter. */
    MALFORMED_ID("malformed path id", true),
    /** An id of the right shape that names nothing. */
    UNKNOWN_ID("unknown path id", true),
    /** SQL, NoSQL and LDAP injection strings as text: may be accepted as text, never a 5xx. */
    INJECTION("injection text", false),
    /** A decimal number sent as a string: a service may accept it for exact decimals such as money. */
    DECIMAL_AS_STRING("decimal as a string", false),
    /** A real id in upper case: a service may normalise it to the same id (RFC 9562 UUIDs are case-insensitive). */
    ID_CASE("id in another letter case", false),
    /** The longest legal text. */
    LONG_TEXT("long legal text", false),
    /** Text from every Unicode plane, emoji, right-to-left marks. */
    UNICODE_TEXT("unicode text", false),
    /** A header over 8 KB. */
    BIG_HEADER("header over 8 KB", false),
    /** {@code %2F}, {@code %00} or {@code ..;} in the path. */
    ENCODED_PATH("encoded path trick", true),
    /** A method no server knows. */
    UNKNOWN_METHOD("unknown method", true),
    /** A known method the path does not offer: must be 405. */
    WRONG_METHOD("wrong method", true),
    /** {@code Accept: garbage/!!} or {@code Accept: image/png}. */
    ODD_ACCEPT("odd Accept header", false);

    private final String label;
    private final boolean mustReject;

    Mutation(String label, boolean mustReject) {
        this.label = label;
        this.mustReject = mustReject;
    }

    /** A few words for reports. */
    public String label() {
        return label;
    }

    /** Whether a 2xx answer is a defect (for tokens: on protected operations). */
    public boolean mustReject() {
        return mustReject;
    }
}
