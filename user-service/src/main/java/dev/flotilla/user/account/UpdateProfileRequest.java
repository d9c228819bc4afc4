package dev.flotilla.user.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The profile after a {@code PATCH /api/users/me} (a JSON merge patch, RFC 7396): the current
 * profile with the patch applied, validated as a whole. Only {@code cityId} may be removed (patched
 * to {@code null}).
 */
record UpdateProfileRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = RegisterRequest.DISPLAY_NAME_PATTERN,
                message = RegisterRequest.DISPLAY_NAME_MESSAGE) String displayName,
        @NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String countryCode,
        @Positive @Nullable Long cityId,
        @NotNull @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as EUR") String preferredCurrency) {

    static UpdateProfileRequest of(Account.Profile profile) {
        return new UpdateProfileRequest(profile.displayName(), profile.countryCode(), profile.cityId(),
                profile.preferredCurrency());
    }

    Account.Profile toProfile() {
        return new Account.Profile(displayName, countryCode, cityId, preferredCurrency);
    }
}
