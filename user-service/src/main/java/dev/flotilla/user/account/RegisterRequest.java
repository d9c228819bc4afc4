package dev.flotilla.user.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/users}. */
public record RegisterRequest(
        @NotBlank @Size(max = 254) @Email(regexp = EMAIL_PATTERN, message = "must be an email address like name@example.com")
        String email,
        @NotNull @Size(max = 256) String password,
        @NotBlank @Size(max = 100) @Pattern(regexp = DISPLAY_NAME_PATTERN, message = DISPLAY_NAME_MESSAGE)
        String displayName,
        @NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE")
        String countryCode,
        @Positive @Nullable Long cityId,
        @NotNull @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as EUR")
        String preferredCurrency) {

    /** A local part and a domain with at least one dot; no spaces, no control characters. */
    static final String EMAIL_PATTERN = "[^\\s@\\p{Cntrl}]+@[^\\s@\\p{Cntrl}]+\\.[^\\s@\\p{Cntrl}]+";
    /** Any printable text: letters of every script, digits, punctuation; no control or format characters. */
    static final String DISPLAY_NAME_PATTERN = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+";
    static final String DISPLAY_NAME_MESSAGE = "must not contain control characters or line breaks";
}
