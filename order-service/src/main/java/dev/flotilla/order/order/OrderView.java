package dev.flotilla.order.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.flotilla.order.payment.Payment;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it. Amounts are strings ({@code "19.99"}) so that no client reads them as
 * binary floats; each is at its currency's minor units.
 */
public record OrderView(UUID id, OrderStatus status, String currency, List<LineView> lines, TotalsView totals,
        TotalsView totalsEur, String taxRate, ShippingAddress shippingAddress, @Nullable PaymentView payment,
        @Nullable String cancelReason, Instant createdAt, Instant updatedAt) {

    /** One line. */
    public record LineView(String productId, String sku, String name, String category, int quantity, String unitPrice,
            String lineTotal) {
    }

    /** Subtotal (net), tax and total. */
    public record TotalsView(String subtotal, String tax, String total) {
    }

    /** The payment, without any card data beyond brand and last four digits. */
    public record PaymentView(String status, String cardBrand, String cardLast4, @Nullable String declineReason) {
    }

    public static OrderView of(Order order, @Nullable Payment payment) {
        List<LineView> lines = order.lines().stream().map(line -> new LineView(line.productId(), line.sku(), line.name(),
                line.category(), line.quantity(), plain(line.unitPrice()), plain(line.lineTotal()))).toList();
        PaymentView paymentView = payment == null ? null : new PaymentView(payment.status().name(), payment.cardBrand(),
                payment.cardLast4(), payment.declineReason());
        return new OrderView(order.id(), order.status(), order.currency(), lines,
                new TotalsView(plain(order.subtotal()), plain(order.tax()), plain(order.total())),
                new TotalsView(plain(order.subtotalEur()), plain(order.taxEur()), plain(order.totalEur())),
                order.taxRate().stripTrailingZeros().toPlainString(), order.shippingAddress(), paymentView,
                order.cancelReason(), order.createdAt(), order.updatedAt());
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
