package dev.flotilla.order.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.flotilla.order.cart.CartLine;
import dev.flotilla.order.cart.Carts;
import dev.flotilla.order.catalogue.CatalogueProduct;
import dev.flotilla.order.catalogue.ProductCatalogue;
import dev.flotilla.order.catalogue.ReservationLine;
import dev.flotilla.order.catalogue.StockReservations;
import dev.flotilla.order.checkout.CheckoutExceptions.EmptyCartException;
import dev.flotilla.order.checkout.CheckoutExceptions.PriceChange;
import dev.flotilla.order.checkout.CheckoutExceptions.PriceChangedException;
import dev.flotilla.order.order.Checkout;
import dev.flotilla.order.order.Order;
import dev.flotilla.order.order.OrderEvents;
import dev.flotilla.order.order.OrderLine;
import dev.flotilla.order.order.OrderStatus;
import dev.flotilla.order.order.ShippingAddress;
import dev.flotilla.order.payment.Card;
import dev.flotilla.order.payment.Payment;
import dev.flotilla.order.payment.PaymentAuthoriser;
import dev.flotilla.order.pricing.Money;
import dev.flotilla.order.pricing.Pricing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of one checkout, once its idempotency key is settled: price the cart, hold the stock,
 * authorise the payment, store everything in one transaction, then confirm the stock and empty the
 * cart. Any failure before the commit gives the held stock back (and drops an approved
 * authorisation); after the commit the order stands, and what is left to do is retried by
 * {@link StockConfirmations}.
 */
@Component
class CheckoutProcess {

    private static final Logger log = LoggerFactory.getLogger(CheckoutProcess.class);

    private final Carts carts;
    private final ProductCatalogue catalogue;
    private final StockReservations stock;
    private final Pricing pricing;
    private final CheckoutValidation validation;
    private final PaymentAuthoriser payments;
    private final OrderStore store;
    private final Compensations compensations;
    private final CheckoutResponses responses;
    private final Clock clock;

    CheckoutProcess(Carts carts, ProductCatalogue catalogue, StockReservations stock, Pricing pricing,
            CheckoutValidation validation, PaymentAuthoriser payments, OrderStore store, Compensations compensations,
            CheckoutResponses responses, Clock clock) {
        this.carts = carts;
        this.catalogue = catalogue;
        this.stock = stock;
        this.pricing = pricing;
        this.validation = validation;
        this.payments = payments;
        this.store = store;
        this.compensations = compensations;
        this.responses = responses;
        this.clock = clock;
    }

    StoredResponse place(IdempotencyRecord.Key key, String requestHash, CheckoutRequest request) {
        CheckoutValidation.Valid valid = validation.validate(request);
        List<CartLine> cart = carts.lines(key.userId());
        if (cart.isEmpty()) {
            throw new EmptyCartException();
        }
        List<CatalogueProduct> products = currentProducts(key.userId(), cart);
        Pricing.Quote quote = pricing.quote(items(cart), valid.currency(), valid.address().country());
        UUID orderId = UUID.randomUUID();
        Checkout checkout = checkout(orderId, key.userId(), valid.address(), cart, products, quote);
        stock.reserve(checkout.reservationId(), cart.stream().map(line -> new ReservationLine(line.productId(), line.quantity())).toList());
        return authoriseAndStore(key, requestHash, checkout, valid.card());
    }

    private StoredResponse authoriseAndStore(IdempotencyRecord.Key key, String requestHash, Checkout checkout, Card card) {
        UUID paymentId = UUID.randomUUID();
        PaymentAuthoriser.Result result = null;
        Order order;
        StoredResponse response;
        try {
            result = payments.authorise(paymentId.toString(), new Money(checkout.totals().total(), checkout.currency()), card);
            Instant now = clock.instant();
            order = switch (result.outcome()) {
                case APPROVED -> Order.placed(checkout, now);
                case DECLINED -> Order.declined(checkout, now);
                case UNKNOWN -> Order.awaitingPayment(checkout, now);
            };
            Payment payment = Payment.of(paymentId, order.id(), new Money(order.total(), order.currency()), card, result, now);
            response = responses.of(order, payment);
            store.store(order, payment, order.status() == OrderStatus.PLACED ? OrderEvents.placed(order, now) : null,
                    responses.record(key, requestHash, order.id(), response, now));
        } catch (RuntimeException e) {
            compensations.undo(checkout.reservationId(), result != null && result.outcome() == PaymentAuthoriser.Outcome.APPROVED
                    ? paymentId.toString() : null);
            throw e;
        }
        afterCommit(key, order);
        return response;
    }

    /** The order stands: nothing here may undo it, and a failure here only leaves work to the jobs. */
    private void afterCommit(IdempotencyRecord.Key key, Order order) {
        switch (order.status()) {
            case PLACED -> compensations.confirm(order.id(), order.reservationId());
            case PAYMENT_PENDING -> {
            }
            default -> compensations.undo(order.reservationId(), null);
        }
        if (order.status() == OrderStatus.PLACED || order.status() == OrderStatus.PAYMENT_PENDING) {
            try {
                carts.clear(key.userId());
            } catch (RuntimeException e) {
                log.warn("order {} placed, but its cart was not emptied: {}", order.id(), e.getMessage());
            }
        }
    }

    /** The products as they are now; a changed price is put in the cart and shown, never charged. */
    private List<CatalogueProduct> currentProducts(UUID userId, List<CartLine> cart) {
        List<CatalogueProduct> products = new ArrayList<>();
        List<PriceChange> changes = new ArrayList<>();
        for (CartLine line : cart) {
            CatalogueProduct product = catalogue.product(line.productId());
            products.add(product);
            if (!samePrice(line.unitPrice(), product.price())) {
                carts.repriced(userId, line.productId(), product.price(), product.name());
                changes.add(new PriceChange(line.productId(), line.unitPrice().amount().toPlainString(),
                        product.price().amount().toPlainString(), product.price().currency()));
            }
        }
        if (!changes.isEmpty()) {
            throw new PriceChangedException(changes);
        }
        return products;
    }

    private static boolean samePrice(Money cart, Money now) {
        return cart.currency().equals(now.currency()) && cart.amount().compareTo(now.amount()) == 0;
    }

    private static List<Pricing.Item> items(List<CartLine> cart) {
        return cart.stream().map(line -> new Pricing.Item(line.productId(), line.quantity(), line.unitPrice())).toList();
    }

    private static Checkout checkout(UUID orderId, UUID userId, ShippingAddress address, List<CartLine> cart,
            List<CatalogueProduct> products, Pricing.Quote quote) {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < cart.size(); i++) {
            Pricing.QuotedLine priced = quote.lines().get(i);
            CatalogueProduct product = products.get(i);
            lines.add(new OrderLine(i + 1, product.id(), product.sku(), product.name(), product.category(),
                    priced.quantity(), priced.unitPrice(), priced.unitPriceEur()));
        }
        return new Checkout(orderId, userId, "order-" + orderId, address, quote.currency(), lines, quote.totals(),
                quote.totalsEur(), quote.taxRate(), quote.unitsPerEur(), quote.ratesAsOf());
    }
}
