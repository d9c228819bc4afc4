package dev.flotilla.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import dev.flotilla.image.ImageApi.User;
import dev.flotilla.sweep.ApiSweep;
import dev.flotilla.sweep.OpenApiContract;
import dev.flotilla.sweep.SweepReport;
import dev.flotilla.testing.TestJwtIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every documented operation swept with valid, hostile and malformed requests as admin, customer and
 * service (see api-sweep), and the OpenAPI document checked for its error contract. The sweep sends
 * JSON and query strings, never multipart, so uploads are only refused here (their content is swept
 * by the upload tests); afterwards no image exists but those the tests made. (The sweep may delete its
 * own image: an id in upper case is the same UUID.)
 */
@ImageServiceTest
class ApiSweepTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    User owner;
    String imageId;
    static final java.util.Set<String> MADE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeEach
    void anImage() {
        ImageApi api = new ImageApi(port);
        owner = ImageApi.newCustomer();
        imageId = api.accepted(owner, TestImages.jpeg(120, 80));
        api.awaitProcessed(owner, imageId);
        MADE.add(imageId);
    }

    @Test
    void noOperationFailsAcceptsWhatItMustRefuseOrAnswersAnErrorThatIsNotAProblem() {
        TestJwtIssuer issuer = TestJwtIssuer.shared();
        SweepReport report = ApiSweep.onPort(port)
                .token("customer", owner.token()).token("admin", ImageApi.newAdmin().token())
                .token("service", issuer.serviceToken())
                .rejectedToken("expired", issuer.sign(issuer.claims(owner.id().toString(), Duration.ofMinutes(-5), "CUSTOMER").build()))
                .rejectedToken("another issuer", issuer.sign(issuer.claims(owner.id().toString(), Duration.ofMinutes(5), "CUSTOMER")
                        .issuer("someone-else").build()))
                .pathValue("/api/images/{id}", "id", imageId)
                .pathValue("/api/images/{id}/variants/{name}", "id", imageId)
                .pathValue("/api/images/{id}/variants/{name}", "name", "thumbnail")
                // Deleting the sweep's image is sent only with ids that must not match it.
                .destructive("DELETE /api/images/{id}")
                .maxRequestsPerOperation(250).timeLimit(Duration.ofSeconds(90))
                .run();

        assertThat(report.isClean()).as("%s", report).isTrue();
        assertThat(jdbc.queryForList("select id from images", String.class)).isSubsetOf(MADE);
    }

    @Test
    void theDocumentTellsClientsHowEveryOperationFails() {
        assertThat(OpenApiContract.of(URI.create("http://127.0.0.1:" + port)).violations()).isEmpty();
    }
}
