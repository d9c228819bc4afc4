package dev.flotilla.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import dev.flotilla.sweep.ApiSweep;
import dev.flotilla.sweep.OpenApiContract;
import dev.flotilla.sweep.SweepReport;
import dev.flotilla.testing.TestJwtIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every documented operation swept with valid, hostile and malformed requests as admin, customer and
 * service (see api-sweep), and the OpenAPI document checked for its error contract.
 */
@AnalyticsServiceTest
class ApiSweepTests {

    @LocalServerPort
    int port;

    @Test
    void noOperationFailsAcceptsWhatItMustRefuseOrAnswersAnErrorThatIsNotAProblem() {
        TestJwtIssuer issuer = TestJwtIssuer.shared();
        String admin = UUID.randomUUID().toString();
        SweepReport report = ApiSweep.onPort(port)
                .token("admin", issuer.token(admin, "ADMIN"))
                .token("customer", issuer.token(UUID.randomUUID().toString(), "CUSTOMER"))
                .token("service", issuer.serviceToken())
                .rejectedToken("expired", issuer.sign(issuer.claims(admin, Duration.ofMinutes(-5), "ADMIN").build()))
                .value("from", "2026-12-01").value("to", "2026-12-02").value("groupBy", "day").value("currency", "EUR")
                .value("limit", "10")
                .maxRequestsPerOperation(250).timeLimit(Duration.ofSeconds(60))
                .run();

        assertThat(report.isClean()).as("%s", report).isTrue();
    }

    @Test
    void theDocumentTellsClientsHowEveryOperationFails() {
        assertThat(OpenApiContract.of(URI.create("http://127.0.0.1:" + port)).violations()).isEmpty();
    }
}
