package dev.flotilla.web.input;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextPolicyTests {

    @Test
    void keepsOrdinaryTextOfEveryScriptAsItIs() throws TextPolicy.Rejected {
        for (String text : new String[] {"Ada Lovelace", "Zoë", "東京", "مرحبا", "👩‍👩‍👧 family", "line\nbreak\ttab",
                "میخواهم", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"}) {
            assertThat(TextPolicy.apply(text)).isEqualTo(text);
        }
    }

    @Test
    void normalisesToNfc() throws TextPolicy.Rejected {
        assertThat(TextPolicy.apply("Zoe\u0308")).isEqualTo("Zo\u00eb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"  ", "\u00a0\u00a0", "\u2003\u3000", "\t\n", "\u2028"})
    void textOfOnlyWhiteSpaceIsBlank(String text) throws TextPolicy.Rejected {
        assertThat(TextPolicy.apply(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007", "\u001b[31m", "a\u007f", "\u0085x", "x\ud800", "\udc00x",
            "a\ufffe", "a\uffff", "\ufdd0", "\u200b", "admin@flotilla.local\u200b", "\ufeffadmin", "so\u00adft",
            "\u202eevil", "\u2066x", "\u2060"})
    void refusesWhatAPersonWouldNotType(String text) {
        assertThatThrownBy(() -> TextPolicy.apply(text)).isInstanceOf(TextPolicy.Rejected.class)
                .hasMessageStartingWith("contains");
    }

    @Test
    void saysWhichCharacterIsRefused() {
        assertThatThrownBy(() -> TextPolicy.apply("a\u0000")).hasMessage("contains a control character (U+0000)");
        assertThatThrownBy(() -> TextPolicy.apply("\u200b")).hasMessage("contains an invisible formatting character (U+200B)");
    }
}
