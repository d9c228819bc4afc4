package dev.flotilla.testing;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class FirstIsolationTests extends IsolationTestSupport {

    @Override
    String marker() {
        return "first";
    }

    @Nested
    class NestedTests {

        @Autowired
        JdbcTemplate nestedJdbc;

        @Test
        void sharesTheContextAndDataOfTheEnclosingClass() {
            assertThat(nestedJdbc).isSameAs(FirstIsolationTests.this.jdbc);
        }
    }
}
