package dev.flotilla.sweep;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RegexSampleTests {

    @ParameterizedTest
    @ValueSource(strings = {"[A-Za-z]{2}", "[A-Za-z0-9][A-Za-z0-9-]*", "[A-Za-z0-9_-]{1,64}", "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+",
            "en|de|fr|es", "(?:ab|cd)+x?", "\\d{3}-\\w+", "[a-f0-9]{8}"})
    void makesStringsThePatternMatchesInFull(String pattern) {
        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            assertThat(RegexSample.of(pattern, 1, 64, random)).hasValueSatisfying(sample -> assertThat(sample).matches(pattern));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?U)(?!\\s*$)\\S+", "(a)\\1", "[0-9]{100}"})
    void offersNothingForLookAroundsBackReferencesOrImpossibleLengths(String pattern) {
        assertThat(RegexSample.of(pattern, 1, 64, new Random(1))).isEmpty();
    }
}
