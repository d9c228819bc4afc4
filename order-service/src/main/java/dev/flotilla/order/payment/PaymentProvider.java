package dev.flotilla.order.payment;

import java.util.Optional;

import dev.flotilla.order.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * The port to a payment processor. Every call names the payment by our own reference, which the
 * processor treats as an idempotency key (as the well-known payment APIs do): asking twice never
 * charges twice. Implementations may block; {@link PaymentAuthoriser} bounds how long.
 */
public interface PaymentProvider {

    /** Authorises (holds) the amount on the card. */
    Authorisation authorise(String reference, Money amount, Card card);

    /** What the processor decided for a reference, if it ever received it (used after a timeout). */
    Optional<Authorisation> lookup(String reference);

    /** Gives an authorised amount back (a cancelled order). Repeatable. */
    void refund(String reference, Money amount);

    /** Drops an authorisation that will never be captured (a checkout that failed after it). Repeatable. */
    void cancelAuthorisation(String reference);

    /**
     * The processor's answer.
     *
     * @param approved whether the amount is held
     * @param providerReference the processor's id of the authorisation, when approved
     * @param declineReason a machine-readable reason, when declined ({@code insufficient_funds})
     */
    record Authorisation(boolean approved, @Nullable String providerReference,
            @Nullable String declineReason) {

        public static Authorisation approvedAs(String providerReference) {
            return new Authorisation(true, providerReference, null);
        }

        public static Authorisation declinedFor(String reason) {
            return new Authorisation(false, null, reason);
        }
    }
}
