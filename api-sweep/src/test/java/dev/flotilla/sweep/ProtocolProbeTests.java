package dev.flotilla.sweep;

import dev.flotilla.sweep.fixture.FixtureApplication;
import dev.flotilla.sweep.fixture.FixtureTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The service-wide probes against the fixture with Tomcat's own HTML error pages left in place. */
@SpringBootTest(classes = FixtureApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "fixture.problem-valve=false")
class ProtocolProbeTests {

    @LocalServerPort
    int port;

    @Test
    void findsTheHtmlPagesTomcatAnswersBeforeAnyServletRuns() {
        SweepReport report = ApiSweep.onPort(port).token("admin", FixtureTokens.ADMIN)
                .exclude("POST /api/notes", "POST /api/counts", "PUT /api/things/{id}")
                .pathValue("/api/legacy/{id}", "id", FixtureTokens.KNOWN_ID).maxRequestsPerOperation(12).run();

        assertThat(ApiSweepTests.summaries(report)).as(report.toString()).contains(
                "GET /api/legacy/{id} BIG_HEADER 400 " + Verdict.NOT_PROBLEM + " x1",
                "GET /api/legacy/{id} ENCODED_PATH 400 " + Verdict.NOT_PROBLEM + " x2");
        assertThat(report.sentByMutation()).containsKeys(Mutation.UNKNOWN_METHOD, Mutation.WRONG_METHOD, Mutation.ODD_ACCEPT);
        assertThat(report.findings()).noneMatch(finding -> finding.mutation() == Mutation.WRONG_METHOD);
    }
}
