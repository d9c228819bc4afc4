package dev.flotilla.order.order;

/**
 * Where an order is in its life.
 *
 * <pre>
 *                 payment authorised
 *   checkout ─────────────────────────▶ PLACED ──cancel──▶ CANCELLED
 *      │  payment declined                ▲                    ▲
 *      ├───────────────▶ DECLINED         │ authorised later   │ cancel
 *      │  provider timed out              │                    │
 *      └───────────────▶ PAYMENT_PENDING ─┴──failed later──▶ PAYMENT_FAILED
 * </pre>
 *
 * DECLINED, PAYMENT_FAILED and CANCELLED are final.
 */
public enum OrderStatus {
    /** The payment provider did not answer in time; the stock stays held until the outcome is known. */
    PAYMENT_PENDING,
    /** Paid (authorised) and its stock reserved; announced by an {@code OrderPlaced} event. */
    PLACED,
    /** The card was declined; nothing is held or charged. */
    DECLINED,
    /** A pending payment turned out to have failed; the stock was released. */
    PAYMENT_FAILED,
    /** Cancelled by the customer or an administrator. */
    CANCELLED
}
