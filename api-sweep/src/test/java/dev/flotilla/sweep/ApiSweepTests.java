package dev.flotilla.sweep;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.flotilla.sweep.SweepReport.Group;
import dev.flotilla.sweep.fixture.FixtureApplication;
import dev.flotilla.sweep.fixture.FixtureTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The sweep against a tiny service with one clean operation and three with a known defect each. */
@SpringBootTest(classes = FixtureApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiSweepTests {

    static final String CLEAN = "PUT /api/things/{id}";

    @LocalServerPort
    int port;

    @Test
    void findsExactlyTheDeliberateDefectsAndNothingOnTheCleanOperation() {
        SweepReport report = sweep().run();

        assertThat(report.groups()).as(report.toString()).extracting(ApiSweepTests::summary).containsExactlyInAnyOrder(
                "POST /api/counts FRACTION_FOR_INTEGER 200 " + Verdict.ACCEPTED + " x1",
                "GET /api/legacy/{id} MALFORMED_ID 404 " + Verdict.NOT_PROBLEM + " x3",
                "GET /api/legacy/{id} ID_CASE 404 " + Verdict.NOT_PROBLEM + " x1",
                "GET /api/legacy/{id} UNKNOWN_ID 404 " + Verdict.NOT_PROBLEM + " x2",
                "POST /api/notes INJECTION 500 " + Verdict.SERVER_ERROR + " x3");
        assertThat(report.findings()).noneMatch(finding -> finding.operation().equals(CLEAN));
        assertThat(report.notes()).as("every valid request was accepted").noneMatch(note -> note.contains("valid request"));
    }

    @Test
    void sendsEveryKindOfRequestToTheCleanOperation() {
        SweepReport report = sweep().maxRequestsPerOperation(1_000).run();

        // The clean operation has no enum query, no decimal field and no id with letters.
        Set<Mutation> notApplicable = EnumSet.of(Mutation.UNKNOWN_ENUM, Mutation.DECIMAL_AS_STRING, Mutation.ID_CASE);
        assertThat(report.sentByMutation().keySet()).containsAll(EnumSet.complementOf(EnumSet.copyOf(notApplicable)));
        assertThat(report.sentByMutation()).containsEntry(Mutation.VALID, 4).containsEntry(Mutation.OTHER_ROLE, 4);
        assertThat(report.statusClasses()).containsKeys("2xx", "4xx");
        assertThat(report.notes()).noneMatch(note -> note.contains("budget"));
    }

    @Test
    void aTokenTheServiceShouldRefuseIsFoundOnEveryProtectedOperation() {
        SweepReport report = sweep().rejectedToken("customer taken as revoked", FixtureTokens.CUSTOMER).run();

        assertThat(report.findings()).filteredOn(finding -> finding.mutation() == Mutation.FORGED_TOKEN)
                .extracting(Finding::operation).containsExactlyInAnyOrder("POST /api/counts", "GET /api/legacy/{id}",
                        "POST /api/notes", CLEAN);
        assertThat(report.sentByMutation().get(Mutation.FORGED_TOKEN)).as("garbage, alg none, foreign key, the given one")
                .isEqualTo(4 * 5);
    }

    @Test
    void theSameSeedSendsTheSameRequestsAndFindsTheSame() {
        SweepReport first = sweep().seed(7).maxRequestsPerOperation(40).run();
        SweepReport second = sweep().seed(7).maxRequestsPerOperation(40).run();

        assertThat(second.requests()).isEqualTo(first.requests());
        assertThat(second.sentByMutation()).isEqualTo(first.sentByMutation());
        // The bodies differ in their timestamps only.
        assertThat(second.findings()).extracting(Finding::operation, Finding::mutation, Finding::detail, Finding::status)
                .isEqualTo(first.findings().stream().map(finding -> org.assertj.core.groups.Tuple.tuple(finding.operation(),
                        finding.mutation(), finding.detail(), finding.status())).toList());
    }

    @Test
    void destructiveOperationsGetNoValidRequestAndExcludedOnesNothing() {
        SweepReport report = sweep().destructive(CLEAN).exclude("POST /api/notes", "POST /api/counts", "GET /api/legacy/{id}")
                .protocolProbes(false).run();

        assertThat(report.sentByMutation()).doesNotContainKeys(Mutation.VALID, Mutation.OTHER_ROLE);
        assertThat(report.sentByMutation()).containsKeys(Mutation.WRONG_TYPE, Mutation.NO_TOKEN);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void stopsAtTheTimeLimitAndSaysSo() {
        SweepReport report = sweep().timeLimit(Duration.ZERO).run();

        assertThat(report.requests()).isZero();
        assertThat(report.notes()).anyMatch(note -> note.contains("time limit"));
    }

    @Test
    void refusesToSweepAnythingButLoopbackOrToNameUnknownOperations() {
        assertThatIllegalArgumentException().isThrownBy(() -> ApiSweep.of(URI.create("http://10.1.2.3:8080")))
                .withMessageContaining("not a loopback address");
        assertThatIllegalArgumentException().isThrownBy(() -> sweep().exclude("GET /api/nothing").run())
                .withMessageContaining("GET /api/nothing");
    }

    private ApiSweep sweep() {
        return ApiSweep.onPort(port).token("admin", FixtureTokens.ADMIN).token("customer", FixtureTokens.CUSTOMER)
                .pathValue("/api/things/{id}", "id", FixtureTokens.KNOWN_ID)
                .pathValue("/api/legacy/{id}", "id", FixtureTokens.KNOWN_ID);
    }

    static String summary(Group group) {
        return group.operation() + " " + group.mutation() + " " + group.status() + " " + group.reason() + " x" + group.count();
    }

    static List<String> summaries(SweepReport report) {
        return report.groups().stream().map(ApiSweepTests::summary).toList();
    }
}
