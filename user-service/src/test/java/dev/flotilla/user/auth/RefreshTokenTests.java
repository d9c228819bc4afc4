package dev.flotilla.user.auth;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshTokenTests {

    @Test
    void anIssuedTokenParsesBackToItsSessionAndHashesStably() {
        String session = RefreshToken.newSessionId();
        RefreshToken token = RefreshToken.issue(session);

        RefreshToken parsed = RefreshToken.parse(token.value()).orElseThrow();
        assertThat(parsed.sessionId()).isEqualTo(session);
        assertThat(parsed.hash()).isEqualTo(token.hash()).hasSize(64).doesNotContain(token.value());
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void tokensAreUnguessablyDifferent() {
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            values.add(RefreshToken.issue("AAAAAAAAAAAAAAAAAAAAAA").value());
        }
        assertThat(values).hasSize(1000);
    }

    @Test
    void anythingElseDoesNotParse() {
        assertThat(RefreshToken.parse("")).isEmpty();
        assertThat(RefreshToken.parse("abc.def")).isEmpty();
        assertThat(RefreshToken.parse(RefreshToken.issue(RefreshToken.newSessionId()).value() + "x")).isEmpty();
        assertThat(RefreshToken.parse("AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'")).isEmpty();
    }
}
