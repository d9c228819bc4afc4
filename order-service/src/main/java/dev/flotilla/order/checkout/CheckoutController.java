package dev.flotilla.order.checkout;

import java.net.URI;

import dev.flotilla.order.Caller;
import dev.flotilla.order.order.OrderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Placing an order from the caller's cart: {@code POST /api/orders} with an {@code Idempotency-Key}. */
@RestController
@Validated
class CheckoutController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final IdempotentCheckout checkout;

    CheckoutController(IdempotentCheckout checkout) {
        this.checkout = checkout;
    }

    @PostMapping("/api/orders")
    @Operation(summary = "Place an order from my cart", description = """
            Prices the cart in the requested currency (default: the shipping country's) with the shipping \
            country's tax, holds the stock, authorises the card and stores the order. The same Idempotency-Key \
            with the same body returns the first result (status and body, header Idempotent-Replayed: true) and \
            never a second order, for 24 hours; with another body it is a 422; while the first request runs, \
            a 409 with Retry-After. A request refused before an order was made may be retried with the same key. \
            A changed price is a 409 listing the changes (the cart shows the new prices). Test cards: \
            4242424242424242 approves, 4000000000009995 is declined (402), 4000000000000119 times out (202, \
            PAYMENT_PENDING until the processor's answer is known).""")
    @ApiResponse(responseCode = "201", description = "Placed", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "202", description = "Payment pending: the processor did not answer in time",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "402", description = "The card was declined; the order is kept as DECLINED")
    ResponseEntity<String> place(@AuthenticationPrincipal Jwt token,
            @Parameter(description = "A unique key per checkout, 1 to 255 visible ASCII characters")
            @RequestHeader(IDEMPOTENCY_KEY) @Pattern(regexp = "[\\x21-\\x7E]{1,255}",
                    message = "must be 1 to 255 visible ASCII characters") String idempotencyKey,
            @Valid @RequestBody CheckoutRequest request) {
        StoredResponse response = checkout.checkout(Caller.of(token).userId(), idempotencyKey, request);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status())
                .contentType(response.isProblem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        if (response.orderId() != null) {
            builder.location(URI.create("/api/orders/" + response.orderId()));
        }
        if (response.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(response.body());
    }
}
