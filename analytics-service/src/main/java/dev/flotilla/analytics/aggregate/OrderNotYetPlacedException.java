package dev.flotilla.analytics.aggregate;

import java.util.UUID;

/**
 * A cancellation arrived before the placement of its order (two consumers, or a redelivery of the
 * placement still pending): it cannot be applied yet and is retried later, never acknowledged.
 */
public class OrderNotYetPlacedException extends RuntimeException {

    OrderNotYetPlacedException(UUID orderId) {
        super("the placement of order " + orderId + " has not been applied yet");
    }
}
