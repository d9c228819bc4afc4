package dev.flotilla.order.checkout;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import dev.flotilla.order.order.Order;
import dev.flotilla.order.order.OrderView;
import dev.flotilla.order.payment.Payment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a checkout answers, decided once and stored: 201 with the order when placed, 202 when the
 * payment's outcome is not known yet, 402 problem+json (with the order id) when the card was declined.
 */
@Component
class CheckoutResponses {

    private final JsonMapper json;
    private final CheckoutProperties properties;

    CheckoutResponses(JsonMapper json, CheckoutProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    StoredResponse of(Order order, Payment payment) {
        return switch (order.status()) {
            case PLACED -> new StoredResponse(201, json.writeValueAsString(OrderView.of(order, payment)), order.id(), false);
            case PAYMENT_PENDING -> new StoredResponse(202, json.writeValueAsString(OrderView.of(order, payment)), order.id(), false);
            default -> new StoredResponse(402, json.writeValueAsString(declined(order, payment)), order.id(), false);
        };
    }

    IdempotencyRecord record(IdempotencyRecord.Key key, String requestHash, UUID orderId, StoredResponse response, Instant now) {
        return new IdempotencyRecord(key, requestHash, orderId, response.status(), response.body(), now,
                now.plus(properties.idempotencyKeyTtl()));
    }

    private static ProblemDetail declined(Order order, Payment payment) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYMENT_REQUIRED,
                "the card was declined (" + payment.declineReason() + "); nothing was charged and the stock was released");
        problem.setInstance(URI.create("/api/orders/" + order.id()));
        problem.setProperty("orderId", order.id());
        problem.setProperty("declineReason", payment.declineReason());
        return problem;
    }
}
