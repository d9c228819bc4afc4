package dev.flotilla.user.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.flotilla.reference.ReferenceData;
import dev.flotilla.web.problem.InvalidFieldsException;
import dev.flotilla.web.problem.InvalidFieldsException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Checks profile fields against the reference data: the country, its city, the currency. */
@Component
class ReferenceChecks {

    private final ReferenceData referenceData;

    ReferenceChecks(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    /** Returns the profile with normalised codes, or throws with every field that is wrong. */
    Account.Profile verify(Account.Profile profile) {
        List<FieldProblem> problems = new ArrayList<>();
        String country = profile.countryCode().toUpperCase(Locale.ROOT);
        String currency = profile.preferredCurrency().toUpperCase(Locale.ROOT);
        if (referenceData.country(country).isEmpty()) {
            problems.add(new FieldProblem("countryCode", "unknown country code '" + profile.countryCode() + "'"));
        }
        checkCity(profile.cityId(), country, problems);
        if (referenceData.currency(currency).isEmpty()) {
            problems.add(new FieldProblem("preferredCurrency", "unknown currency code '" + profile.preferredCurrency() + "'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return new Account.Profile(profile.displayName().strip(), country, profile.cityId(), currency);
    }

    private void checkCity(@Nullable Long cityId, String country, List<FieldProblem> problems) {
        if (cityId == null) {
            return;
        }
        referenceData.city(cityId).ifPresentOrElse(city -> {
            if (!city.countryCode().equals(country)) {
                problems.add(new FieldProblem("cityId", "city " + cityId + " is in " + city.countryCode() + ", not in " + country));
            }
        }, () -> problems.add(new FieldProblem("cityId", "unknown city id " + cityId)));
    }
}
