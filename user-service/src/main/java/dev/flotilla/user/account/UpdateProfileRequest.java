package dev.flotilla.user.account;

import java.util.Optional;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code PATCH /api/users/me}: a field that is absent stays as it is. {@code cityId} can be removed
 * with an explicit {@code null}; the other fields cannot be null.
 */
public record UpdateProfileRequest(
        @Size(min = 1, max = 100) @Pattern(regexp = RegisterRequest.DISPLAY_NAME_PATTERN,
                message = RegisterRequest.DISPLAY_NAME_MESSAGE) @Nullable String displayName,
        @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") @Nullable String countryCode,
        @Nullable Optional<@Positive Long> cityId,
        @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as EUR") @Nullable String preferredCurrency) {

    Account.Profile applyTo(Account.Profile current) {
        return new Account.Profile(
                displayName != null ? displayName : current.displayName(),
                countryCode != null ? countryCode : current.countryCode(),
                cityId != null ? cityId.orElse(null) : current.cityId(),
                preferredCurrency != null ? preferredCurrency : current.preferredCurrency());
    }
}
