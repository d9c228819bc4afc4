package dev.flotilla.order.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.flotilla.order.pricing.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * The payment of one order. Its id is the reference the processor knows it by. Holds the card's
 * brand and last four digits, never its number.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    private UUID id;
    private UUID orderId;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    private BigDecimal amount;
    private String currency;
    private @Nullable String providerReference;
    private String cardBrand;
    private String cardLast4;
    private @Nullable String declineReason;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Payment() {
    }

    /** The payment as the checkout's authorisation left it. */
    public static Payment of(UUID id, UUID orderId, Money amount, Card card, PaymentAuthoriser.Result result, Instant now) {
        Payment payment = new Payment();
        payment.id = id;
        payment.orderId = orderId;
        payment.amount = amount.amount();
        payment.currency = amount.currency();
        payment.cardBrand = card.brand();
        payment.cardLast4 = card.last4();
        payment.status = switch (result.outcome()) {
            case APPROVED -> PaymentStatus.AUTHORISED;
            case DECLINED -> PaymentStatus.DECLINED;
            case UNKNOWN -> PaymentStatus.UNKNOWN;
        };
        if (result.authorisation() != null) {
            payment.providerReference = result.authorisation().providerReference();
            payment.declineReason = result.authorisation().declineReason();
        }
        payment.createdAt = now;
        payment.updatedAt = now;
        return payment;
    }

    /** A pending payment turned out authorised. */
    public void authorisedLater(@Nullable String reference, Instant now) {
        change(PaymentStatus.UNKNOWN, PaymentStatus.AUTHORISED, now);
        providerReference = reference;
    }

    /** A pending payment turned out declined, or never reached the processor. */
    public void failed(@Nullable String reason, Instant now) {
        change(PaymentStatus.UNKNOWN, PaymentStatus.FAILED, now);
        declineReason = reason;
    }

    /** The authorised amount was given back. */
    public void refunded(Instant now) {
        change(PaymentStatus.AUTHORISED, PaymentStatus.REFUNDED, now);
    }

    /** A pending authorisation was dropped. */
    public void voided(Instant now) {
        change(PaymentStatus.UNKNOWN, PaymentStatus.VOIDED, now);
    }

    private void change(PaymentStatus from, PaymentStatus to, Instant now) {
        if (status != from) {
            throw new IllegalStateException("payment " + id + " is " + status + ", not " + from);
        }
        status = to;
        updatedAt = now;
    }

    public Money money() {
        return new Money(amount, currency);
    }

    public UUID id() { return id; }
    public UUID orderId() { return orderId; }
    public PaymentStatus status() { return status; }
    public @Nullable String providerReference() { return providerReference; }
    public String cardBrand() { return cardBrand; }
    public String cardLast4() { return cardLast4; }
    public @Nullable String declineReason() { return declineReason; }
}
