package dev.flotilla.order.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * An order: the aggregate root of its lines. Its state changes only through the verbs below, each of
 * which refuses a transition the life cycle ({@link OrderStatus}) does not allow.
 */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    private UUID id;
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    private String reservationId;
    private boolean stockConfirmed;
    private String currency;
    private BigDecimal subtotal;
    private BigDecimal tax;
    private BigDecimal total;
    private BigDecimal subtotalEur;
    private BigDecimal taxEur;
    private BigDecimal totalEur;
    private BigDecimal taxRate;
    private BigDecimal unitsPerEur;
    private @Nullable LocalDate ratesAsOf;
    @Embedded
    private ShippingAddress shippingAddress;
    private @Nullable String cancelReason;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("lineNumber")
    private List<OrderLine> lines = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Order() {
    }

    private Order(Checkout checkout, OrderStatus status, Instant now) {
        this.id = checkout.orderId();
        this.userId = checkout.userId();
        this.status = status;
        this.reservationId = checkout.reservationId();
        this.currency = checkout.currency();
        this.subtotal = checkout.totals().subtotal();
        this.tax = checkout.totals().tax();
        this.total = checkout.totals().total();
        this.subtotalEur = checkout.totalsEur().subtotal();
        this.taxEur = checkout.totalsEur().tax();
        this.totalEur = checkout.totalsEur().total();
        this.taxRate = checkout.taxRate();
        this.unitsPerEur = checkout.unitsPerEur();
        this.ratesAsOf = checkout.ratesAsOf();
        this.shippingAddress = checkout.shippingAddress();
        this.lines = new ArrayList<>(checkout.lines());
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A checkout whose payment was authorised: the order is placed. */
    public static Order placed(Checkout checkout, Instant now) {
        return new Order(checkout, OrderStatus.PLACED, now);
    }

    /** A checkout whose card was declined: kept, for the customer's history and the payment audit. */
    public static Order declined(Checkout checkout, Instant now) {
        return new Order(checkout, OrderStatus.DECLINED, now);
    }

    /** A checkout whose payment outcome is unknown (the provider timed out). */
    public static Order awaitingPayment(Checkout checkout, Instant now) {
        return new Order(checkout, OrderStatus.PAYMENT_PENDING, now);
    }

    /** A pending payment turned out authorised. */
    public void paymentAuthorised(Instant now) {
        require(status == OrderStatus.PAYMENT_PENDING, "be marked paid");
        transition(OrderStatus.PLACED, now);
    }

    /** A pending payment turned out failed (or never reached the provider). */
    public void paymentFailed(Instant now) {
        require(status == OrderStatus.PAYMENT_PENDING, "be marked as failed payment");
        transition(OrderStatus.PAYMENT_FAILED, now);
    }

    /** product-service confirmed the reservation: the units left the stock for good. Repeatable. */
    public void stockConfirmed(Instant now) {
        require(status == OrderStatus.PLACED, "have its stock confirmed");
        if (!stockConfirmed) {
            stockConfirmed = true;
            updatedAt = now;
        }
    }

    /**
     * Cancels the order: allowed while it is placed or its payment pending. What must be undone
     * follows from the state it leaves ({@link Cancellation}).
     */
    public Cancellation cancel(String reason, Instant now) {
        require(status == OrderStatus.PLACED || status == OrderStatus.PAYMENT_PENDING, "be cancelled");
        Cancellation cancellation = new Cancellation(status == OrderStatus.PLACED, !stockConfirmed);
        cancelReason = reason;
        transition(OrderStatus.CANCELLED, now);
        return cancellation;
    }

    /** Whether the held stock must still be given back (the reservation is not confirmed). */
    public boolean holdsUnconfirmedStock() {
        return !stockConfirmed && (status == OrderStatus.PAYMENT_PENDING || status == OrderStatus.PLACED);
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalTransitionException(id, status, action);
        }
    }

    private void transition(OrderStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    /**
     * What a cancellation must undo.
     *
     * @param wasPlaced the order had been announced as placed, so a cancellation event follows and the
     *     authorised payment is refunded (otherwise the pending payment is voided)
     * @param releaseStock the reservation was never confirmed, so its units go back to the stock
     */
    public record Cancellation(boolean wasPlaced, boolean releaseStock) {
    }

    public UUID id() { return id; }
    public UUID userId() { return userId; }
    public OrderStatus status() { return status; }
    public String reservationId() { return reservationId; }
    public boolean isStockConfirmed() { return stockConfirmed; }
    public String currency() { return currency; }
    public BigDecimal subtotal() { return subtotal; }
    public BigDecimal tax() { return tax; }
    public BigDecimal total() { return total; }
    public BigDecimal subtotalEur() { return subtotalEur; }
    public BigDecimal taxEur() { return taxEur; }
    public BigDecimal totalEur() { return totalEur; }
    public BigDecimal taxRate() { return taxRate; }
    public BigDecimal unitsPerEur() { return unitsPerEur; }
    public @Nullable LocalDate ratesAsOf() { return ratesAsOf; }
    public ShippingAddress shippingAddress() { return shippingAddress; }
    public @Nullable String cancelReason() { return cancelReason; }
    public List<OrderLine> lines() { return List.copyOf(lines); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
