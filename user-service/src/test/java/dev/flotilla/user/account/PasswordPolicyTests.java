package dev.flotilla.user.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    private static final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"Correct-Horse-Battery-9", "a quiet walk at dusk", "Zoë-trägt-7-Hüte", "ümlaut-ångström-ßß"})
    void acceptsLongUncommonPasswords(String password) {
        assertThat(policy.problem(password, "someone@example.com")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "PASSWORD1234", "qwertyuiop123", "iloveyou!!!!!!", "123456789012", "football2024!"})
    void rejectsCommonPasswordsAloneOrWithDigitsAndSymbolsAppended(String password) {
        assertThat(policy.problem(password, "someone@example.com")).hasValueSatisfying(problem ->
                assertThat(problem).contains("too common"));
    }

    @Test
    void rejectsTheEmailAndItsLocalPart() {
        assertThat(policy.problem("Some.Body.Long@Example.com", "some.body.long@example.com")).contains("must not be the email address");
        assertThat(policy.problem("some.body.long", "some.body.long@example.com")).contains("must not be the email address");
    }

    @Test
    void countsCharactersNotUtf16UnitsAndLimitsBytesForBcrypt() {
        assertThat(policy.problem("🚀🚀🚀🚀🚀🚀", "a@example.com")).hasValueSatisfying(problem -> assertThat(problem).contains("12 to 64"));
        assertThat(policy.problem("🚀🔥🌍🎉🍀🐙🦊🌵🎈🧩🪐🚲🎸🍋🧭🛶🗝🦉🌋", "a@example.com"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("72 bytes"));
        assertThat(policy.problem("x".repeat(11) + "y", "a@example.com")).hasValueSatisfying(problem ->
                assertThat(problem).contains("different characters"));
        assertThat(policy.problem("abcdefghijk", "a@example.com")).isPresent();
        assertThat(policy.problem("abcdefghijkl".repeat(6), "a@example.com")).hasValueSatisfying(problem ->
                assertThat(problem).contains("12 to 64"));
    }
}
