package dev.flotilla.user.account;

import dev.flotilla.web.problem.InvalidFieldsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmailAddressesTests {

    @Test
    void normalisesToComposedLowerCaseWithoutTrimming() {
        assertThat(EmailAddresses.normalise("Jos\u0065\u0301@Example.COM")).isEqualTo("jos\u00e9@example.com");
        assertThat(EmailAddresses.normalise("ZO\u00cb@example.com")).isEqualTo("zo\u00eb@example.com");
        assertThat(EmailAddresses.normalise("\u00c5ngstr\u00f6m@example.com")).isEqualTo("\u00e5ngstr\u00f6m@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000@example.com", "a@example.com\u200b", "\ufeffa@example.com", "a\u00ad@example.com",
            "a\u202e@example.com", "a\u2060@example.com", "a\u3164@example.com", "a\ufe0f@example.com",
            "a\u00a0@example.com", " a@example.com", "a@example.com\n", "a\u2028@example.com", "a\ue000@example.com",
            "a\ud800@example.com", "a\udc00@example.com", "a\uffff@example.com"})
    void refusesInvisibleFormattingControlSeparatorPrivateUseUnassignedAndLoneSurrogates(String email) {
        assertThatExceptionOfType(InvalidFieldsException.class).isThrownBy(() -> EmailAddresses.normalise(email))
                .satisfies(e -> assertThat(e.problems()).extracting(problem -> problem.field()).containsExactly("email"));
    }

    @Test
    void acceptsLettersOfEveryScriptAndEmoji() {
        assertThat(EmailAddresses.normalise("\u6771\u4eac@\u4f8b\u3048.jp")).isEqualTo("\u6771\u4eac@\u4f8b\u3048.jp");
        assertThat(EmailAddresses.normalise("rocket\ud83d\ude80@example.com")).isEqualTo("rocket\ud83d\ude80@example.com");
    }

    @Test
    void lookalikesShareASkeletonAndDifferentAddressesDoNot() {
        String skeleton = EmailAddresses.skeleton("admin@flotilla.local");
        assertThat(EmailAddresses.skeleton("\u0430dmin@flotilla.local")).isEqualTo(skeleton);
        assertThat(EmailAddresses.skeleton("adrnin@flotilla.local")).isEqualTo(skeleton);
        assertThat(EmailAddresses.skeleton("admin@flotil\u04cfa.local")).isEqualTo(skeleton);
        assertThat(EmailAddresses.skeleton("admim@flotilla.local")).isNotEqualTo(skeleton);
        assertThat(EmailAddresses.skeleton("jos\u00e9@example.com")).isNotEqualTo(EmailAddresses.skeleton("jose@example.com"));
    }
}
