package dev.flotilla.order.order;

import java.util.UUID;

import dev.flotilla.order.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's orders: the list, one order, and cancelling it. An administrator may read and cancel
 * any order; anyone else sees another user's order as not found. Placing an order is
 * {@code POST /api/orders} in the checkout.
 */
@RestController
@RequestMapping("/api/orders")
@Validated
class OrderController {

    private final OrderQueries queries;
    private final OrderCancellations cancellations;

    OrderController(OrderQueries queries, OrderCancellations cancellations) {
        this.queries = queries;
        this.cancellations = cancellations;
    }

    @GetMapping
    @Operation(summary = "List my orders", description = "Newest first, one page at a time.")
    OrderPage mine(@AuthenticationPrincipal Jwt token, @Valid @ModelAttribute PageParameters page) {
        return queries.ofUser(Caller.of(token).userId(), page.request());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an order", description = "One of mine; an administrator may read any.")
    OrderView get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return queries.visibleTo(Caller.of(token), id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an order", description = "Allowed while the order is PLACED or PAYMENT_PENDING; "
            + "a 409 otherwise. A placed order's payment is refunded and an OrderCancelled event follows; stock that "
            + "was still held goes back. Repeating it on a cancelled order is a 409 too.")
    OrderView cancel(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
            @Valid @RequestBody CancelRequest request) {
        String reason = request.reason() == null ? "cancelled by the customer" : request.reason();
        return cancellations.cancel(Caller.of(token), id, reason);
    }

    /** {@code POST /api/orders/{id}/cancel}: an optional reason, kept with the order ({@code {}} for none). */
    record CancelRequest(@Nullable @Size(min = 1, max = 200) String reason) {
    }

    /** A page of a listing: {@code page} from 0, {@code size} 1 to 100 (default 20). */
    record PageParameters(@Nullable @Min(0) @Max(10_000) Integer page, @Nullable @Min(1) @Max(100) Integer size) {

        PageRequest request() {
            return PageRequest.of(page == null ? 0 : page, size == null ? 20 : size);
        }
    }
}
