package dev.flotilla.order.checkout;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The response of a checkout as stored for its retries: status, JSON body and the order it made. */
record StoredResponse(int status, String body, @Nullable UUID orderId, boolean replayed) {

    boolean isProblem() {
        return status >= 400;
    }
}
