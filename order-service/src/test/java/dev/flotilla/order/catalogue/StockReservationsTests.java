package dev.flotilla.order.catalogue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reservations at product-service, with the service's own token. */
class StockReservationsTests {

    private static final String BOOK = "65F0C0FFEE0000000000A001";
    private static final String PEN = "65f0c0ffee0000000000a002";

    private final StubProductService stub = StubProductService.start();
    private final MutableClock clock = new MutableClock();
    private final ClientAssembly client = ClientAssembly.of(stub, ClientAssembly.properties(stub.baseUrl()), clock);

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void reservationCallsCarryTheServicesTokenFromTheClientCredentialsGrant() {
        Reservation reservation = client.reservations().reserve("order-1", List.of(new ReservationLine(BOOK, 2)));
        client.reservations().confirm("order-1");
        client.reservations().release("order-2");

        assertThat(reservation.reservationId()).isEqualTo("order-1");
        assertThat(reservation.expiresAt()).isNotNull();
        assertThat(stub.requests("/api/stock")).extracting(StubProductService.Seen::authorization)
                .containsOnly("Bearer token-1").hasSize(3);
        StubProductService.Seen tokenRequest = stub.requests(StubProductService.TOKEN_PATH).getFirst();
        assertThat(tokenRequest.body()).contains("grant_type=client_credentials");
        assertThat(tokenRequest.authorization()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("order-service:order-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(stub.tokensIssued()).isEqualTo(1);
    }

    @Test
    void productIdsAreSentLowerCased() {
        client.reservations().reserve("order-1", List.of(new ReservationLine(BOOK, 2)));

        assertThat(stub.requests("/api/stock/reservations").getFirst().body())
                .contains("\"productId\":\"65f0c0ffee0000000000a001\"").contains("\"quantity\":2");
    }

    @Test
    void theTokenIsRenewedBeforeItExpires() {
        stub.tokenLifetime(300);
        client.reservations().confirm("order-1");
        clock.advance(Duration.ofSeconds(230));
        client.reservations().confirm("order-1");
        assertThat(stub.tokensIssued()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(15));
        client.reservations().confirm("order-1");

        assertThat(stub.tokensIssued()).isEqualTo(2);
        assertThat(stub.requests("/api/stock")).extracting(StubProductService.Seen::authorization)
                .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
    }

    @Test
    void aTokenProductServiceRejectsIsDroppedAndTheNextCallGetsANewOne() {
        stub.answerNext("/api/stock", 401);
        assertThatThrownBy(() -> client.reservations().confirm("order-1"))
                .isInstanceOf(ProductServiceUnavailableException.class);

        client.reservations().confirm("order-1");

        assertThat(stub.requests("/api/stock")).extracting(StubProductService.Seen::authorization)
                .containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void aTokenEndpointThatCannotAnswerMakesTheCallUnavailable() {
        stub.answerNext(StubProductService.TOKEN_PATH, 400, "{\"error\":\"invalid_client\"}", Map.of());

        assertThatThrownBy(() -> client.reservations().confirm("order-1"))
                .isInstanceOf(ProductServiceUnavailableException.class).hasMessageContaining("invalid_client");
        assertThat(stub.requests("/api/stock")).isEmpty();
    }

    @Test
    void aTokenEndpointFailingForAMomentIsRetried() {
        stub.answerNext(StubProductService.TOKEN_PATH, 503);

        client.reservations().confirm("order-1");

        assertThat(stub.requests(StubProductService.TOKEN_PATH)).hasSize(2);
        assertThat(stub.requests("/api/stock")).extracting(StubProductService.Seen::authorization)
                .containsExactly("Bearer token-1");
    }

    @Test
    void shortLinesAreAConflictListingTheShortagesAndAreNotRetried() {
        stub.answerNext("/api/stock/reservations", 409, """
                {"status":409,"detail":"reservation order-1 failed","shortages":[
                {"productId":"65f0c0ffee0000000000a001","problem":"insufficient stock","requested":5,"available":2}]}""",
                Map.of());

        InsufficientStockException refused = catchThrowableOfType(InsufficientStockException.class,
                () -> client.reservations().reserve("order-1", List.of(new ReservationLine(BOOK, 5),
                        new ReservationLine(PEN, 1))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.shortages()).containsExactly(new InsufficientStockException.Shortage(
                "65f0c0ffee0000000000a001", "insufficient stock", 5, 2));
        assertThat(refused.getBody().getProperties()).containsKey("shortages");
        assertThat(stub.requests("/api/stock")).hasSize(1);
    }

    @Test
    void aReserveThatFailedOnTheWayIsRetriedWithTheSameIdAndLines() {
        stub.answerNext("/api/stock/reservations", 502);

        client.reservations().reserve("order-1", List.of(new ReservationLine(BOOK, 1)));

        assertThat(stub.requests("/api/stock/reservations")).hasSize(2)
                .extracting(StubProductService.Seen::body).containsOnly(stub.requests("/api/stock/reservations")
                        .getFirst().body());
    }

    @Test
    void releasingAReservationProductServiceDoesNotKnowIsFine() {
        stub.answerNext("/api/stock/reservations/never-made", 404);

        assertThatNoException().isThrownBy(() -> client.reservations().release("never-made"));
    }

    @Test
    void confirmingAReleasedReservationIsAConflict() {
        stub.answerNext("/api/stock/reservations/order-1/confirm", 409,
                "{\"detail\":\"reservation order-1 is RELEASED (expired) and cannot be confirmed\"}", Map.of());

        assertThatThrownBy(() -> client.reservations().confirm("order-1"))
                .isInstanceOf(ReservationConflictException.class).hasMessageContaining("RELEASED (expired)");
    }

    @Test
    void releasingAConfirmedReservationIsAConflict() {
        stub.answerNext("/api/stock/reservations/order-1", 409, "{\"detail\":\"reservation order-1 is confirmed\"}",
                Map.of());

        assertThatThrownBy(() -> client.reservations().release("order-1"))
                .isInstanceOf(ReservationConflictException.class);
    }

    @Test
    void malformedReservationsAreRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> client.reservations().reserve("order 1", List.of(new ReservationLine(BOOK, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.reservations().reserve("order-1", List.of(new ReservationLine(BOOK, 1),
                new ReservationLine(BOOK.toLowerCase(), 1)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.reservations().reserve("order-1", List.of(new ReservationLine(BOOK, 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.requests("/")).isEmpty();
    }
}
