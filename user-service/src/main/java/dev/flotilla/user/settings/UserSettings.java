package dev.flotilla.user.settings;

import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's settings, stored as a JSONB document on the account.
 *
 * @param language the language of the user interface and of emails
 * @param currency the currency prices are shown in
 * @param notifications which messages the user wants
 */
public record UserSettings(
        @NotNull @Pattern(regexp = LANGUAGES, message = "must be one of " + LANGUAGES) String language,
        @NotNull @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull @Valid Notifications notifications) {

    /** The languages the shop is translated into (ISO 639-1). */
    static final String LANGUAGES = "en|de|fr|es|it|nl|pt|pl|sv|da|ja|zh";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Which messages the user wants.
     *
     * @param orderUpdates order confirmations and shipping news
     * @param newsletter the shop's newsletter
     * @param priceAlerts price drops on watched products
     */
    public record Notifications(@NotNull Boolean orderUpdates, @NotNull Boolean newsletter, @NotNull Boolean priceAlerts) {
    }

    /** What a new account starts with. */
    public static UserSettings defaults(String currency) {
        return new UserSettings("en", currency, new Notifications(true, false, false));
    }

    public static UserSettings fromJson(String json) {
        return JSON.readValue(json, UserSettings.class);
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    UserSettings normalised() {
        return new UserSettings(language, currency.toUpperCase(Locale.ROOT), notifications);
    }
}
