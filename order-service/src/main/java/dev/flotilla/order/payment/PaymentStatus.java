package dev.flotilla.order.payment;

/** Where a payment is: decided by the processor, or undone by a cancellation or a failed checkout. */
public enum PaymentStatus {
    AUTHORISED, DECLINED, UNKNOWN, FAILED, REFUNDED, VOIDED
}
