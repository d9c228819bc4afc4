package dev.flotilla.order.catalogue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How a call to product-service behaves when product-service is down, slow, failing or refusing. */
class ProductServiceResilienceTests {

    private static final String PRODUCT = "65f0c0ffee0000000000a001";
    private static final Duration CHECKOUT_BUDGET = Duration.ofSeconds(3);

    private final StubProductService stub = StubProductService.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void aSlowProductServiceIsUnavailableWithinTheBudget() {
        stub.product(PRODUCT, "Dune", "9.99", "EUR");
        stub.hang("/api/products", 10);
        ClientAssembly client = ClientAssembly.of(stub, ClientAssembly.properties(stub.baseUrl()), new MutableClock());

        long start = System.nanoTime();
        ProductServiceUnavailableException failure = catchThrowableOfType(ProductServiceUnavailableException.class,
                () -> client.catalogue().product(PRODUCT));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(failure.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(failure.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofMillis(2800));
        assertThat(took).isLessThan(CHECKOUT_BUDGET);
    }

    @Test
    void aRetryThatWouldOutlastTheBudgetIsCutToWhatIsLeft() {
        stub.hang("/api/products", 10);
        ProductServiceProperties patient = ClientAssembly.properties(stub.baseUrl(), Duration.ofSeconds(2),
                new ProductServiceProperties.Breaker(50, 10, 10, Duration.ofSeconds(10), 2));
        ClientAssembly client = ClientAssembly.of(stub, patient, new MutableClock());

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.catalogue().product(PRODUCT)).isInstanceOf(ProductServiceUnavailableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2800));
        assertThat(stub.requests("/api/products")).hasSize(2);
    }

    @Test
    void aRefusedConnectionIsUnavailableAtOnce() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ClientAssembly client = ClientAssembly.of(stub, ClientAssembly.properties("http://127.0.0.1:" + closedPort),
                new MutableClock());

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.catalogue().product(PRODUCT)).isInstanceOf(ProductServiceUnavailableException.class)
                .hasMessageContaining("no answer in time");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void failuresAnswered503AreRetriedWithBackoff() {
        stub.product(PRODUCT, "Dune", "9.99", "EUR");
        stub.answerNext("/api/products", 503);
        stub.answerNext("/api/products", 429);
        ClientAssembly client = ClientAssembly.of(stub, ClientAssembly.properties(stub.baseUrl()), new MutableClock());

        assertThat(client.catalogue().product(PRODUCT).name()).isEqualTo("Dune");
        assertThat(stub.requests("/api/products")).hasSize(3);
    }

    @Test
    void retriesEndAfterTheConfiguredNumber() {
        for (int i = 0; i < 5; i++) {
            stub.answerNext("/api/products", 500);
        }
        ClientAssembly client = ClientAssembly.of(stub, ClientAssembly.properties(stub.baseUrl()), new MutableClock());

        assertThatThrownBy(() -> client.catalogue().product(PRODUCT)).isInstanceOf(ProductServiceUnavailableException.class)
                .hasMessageContaining("answered 500");
        assertThat(stub.requests("/api/products")).hasSize(3);
    }

    @Test
    void anotherClientErrorIsNeverRetried() {
        stub.answerNext("/api/products", 400);
        stub.answerNext("/api/stock/reservations", 403);
        ClientAssembly client = ClientAssembly.of(stub, ClientAssembly.properties(stub.baseUrl()), new MutableClock());

        assertThatThrownBy(() -> client.catalogue().product(PRODUCT)).isInstanceOf(ProductServiceUnavailableException.class)
                .hasMessageContaining("refused with 400");
        assertThatThrownBy(() -> client.reservations().confirm("order-1"))
                .isInstanceOf(ProductServiceUnavailableException.class).hasMessageContaining("refused with 403");
        assertThat(stub.requests("/api/products")).hasSize(1);
        assertThat(stub.requests("/api/stock")).hasSize(1);
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndThenRefusesWithoutCalling() {
        ProductServiceProperties properties = ClientAssembly.properties(stub.baseUrl(), Duration.ofSeconds(1),
                new ProductServiceProperties.Breaker(50, 4, 4, Duration.ofSeconds(30), 1));
        ClientAssembly client = ClientAssembly.of(stub, properties, new MutableClock());
        for (int i = 0; i < 12; i++) {
            stub.answerNext("/api/products", 503);
        }
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.catalogue().product(PRODUCT)).isInstanceOf(ProductServiceUnavailableException.class);
        }
        assertThat(client.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        int before = stub.requests("/api/products").size();

        long start = System.nanoTime();
        ProductServiceUnavailableException refused = catchThrowableOfType(ProductServiceUnavailableException.class,
                () -> client.catalogue().product(PRODUCT));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
        assertThat(refused).hasMessageContaining("circuit breaker is open");
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(stub.requests("/api/products")).hasSize(before);
    }

    @Test
    void answersThatAreNotFailuresKeepTheBreakerClosed() {
        ProductServiceProperties properties = ClientAssembly.properties(stub.baseUrl(), Duration.ofSeconds(1),
                new ProductServiceProperties.Breaker(50, 4, 4, Duration.ofSeconds(30), 1));
        ClientAssembly client = ClientAssembly.of(stub, properties, new MutableClock());

        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> client.catalogue().product(PRODUCT)).isInstanceOf(UnknownProductException.class);
        }

        assertThat(client.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(stub.requests("/api/products")).hasSize(8);
    }

    @Test
    void aBusyReservationIsUnavailableForAMomentNotAConflict() {
        stub.answerNext("/api/stock/reservations", 409, "{\"detail\":\"reservation order-1 is being processed\"}",
                Map.of("Retry-After", "1"));
        ClientAssembly client = ClientAssembly.of(stub, ClientAssembly.properties(stub.baseUrl()), new MutableClock());

        assertThatThrownBy(() -> client.reservations().confirm("order-1"))
                .isInstanceOf(ProductServiceUnavailableException.class);
        assertThat(stub.requests("/api/stock")).hasSize(1);
    }

    @Test
    void anAnswerThatBreaksOffIsRetriedLikeOneThatNeverCame() {
        stub.breakOffNext("/api/stock/reservations");
        ClientAssembly client = ClientAssembly.of(stub, ClientAssembly.properties(stub.baseUrl()), new MutableClock());

        // The retry is safe: the reservation id is the caller's, and product-service answers a retry with the first outcome.
        Reservation reservation = client.reservations().reserve("order-1", List.of(new ReservationLine(PRODUCT, 1)));

        assertThat(reservation.reservationId()).isEqualTo("order-1");
        assertThat(stub.requests("/api/stock/reservations")).hasSize(2);
    }
}
