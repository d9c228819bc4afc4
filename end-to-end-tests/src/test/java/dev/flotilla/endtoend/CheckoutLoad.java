package dev.flotilla.endtoend;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers buying one product over and over, each in a thread of its own, as long as the test wants:
 * put a unit in the cart, check out with a new Idempotency-Key, and, when the answer says to try
 * again later ({@code Retry-After}), send the same checkout again until it is answered for good; then
 * a short pause before the next purchase. Every answer is recorded with when it came, and every order
 * placed with its key.
 *
 * <p>The pause bounds what the load buys: at most {@link #MAX_ORDERS_PER_SECOND_PER_CUSTOMER} orders a
 * second per customer, however fast the platform answers, so a test can give the product more stock
 * than its longest run can sell (see {@link #enoughStockFor}).
 */
final class CheckoutLoad implements AutoCloseable {

    private static final Duration PAUSE_AFTER_REFUSAL = Duration.ofMillis(500);
    private static final Duration PAUSE_BETWEEN_PURCHASES = Duration.ofMillis(100);
    static final long MAX_ORDERS_PER_SECOND_PER_CUSTOMER = Duration.ofSeconds(1).dividedBy(PAUSE_BETWEEN_PURCHASES);
    /** After stop: how long a customer may keep retrying the checkout it has in hand. */
    private static final Duration FINISH_WAIT = Duration.ofSeconds(60);

    /** One answer: a cart change or a checkout. */
    record Attempt(long atNanos, String step, ShopClient.Answer answer) {
    }

    /** An order placed: whose, under which key, its id. */
    record Placed(ShopClient customer, String key, String orderId) {
    }

    private final String productId;
    private final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final Queue<Placed> placed = new ConcurrentLinkedQueue<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    private CheckoutLoad(String productId) {
        this.productId = productId;
    }

    static CheckoutLoad start(List<ShopClient> customers, String productId) {
        CheckoutLoad load = new CheckoutLoad(productId);
        for (ShopClient customer : customers) {
            load.threads.add(Thread.ofPlatform().name("customer-" + load.threads.size()).start(() -> load.shop(customer)));
        }
        return load;
    }

    private void shop(ShopClient customer) {
        try {
            while (!stopping) {
                ShopClient.Answer added = retried("cart", () -> customer.addToCart(productId, 1));
                assertThat(added.status()).as("cart: %s", added).isIn(200, 201);
                String key = UUID.randomUUID().toString();
                ShopClient.Answer checkout = retried("checkout", () -> customer.checkout(key));
                assertThat(checkout.status()).as("checkout: %s", checkout).isEqualTo(201);
                placed.add(new Placed(customer, key, checkout.json().get("id").asString()));
                Thread.sleep(PAUSE_BETWEEN_PURCHASES.toMillis());
            }
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    private interface Call {
        ShopClient.Answer send() throws IOException, InterruptedException;
    }

    /** Sends until the answer is not one to retry; the last answer. Gives up a while after stop. */
    private ShopClient.Answer retried(String step, Call call) throws IOException, InterruptedException {
        long giveUp = Long.MAX_VALUE;
        while (true) {
            ShopClient.Answer answer = call.send();
            attempts.add(new Attempt(System.nanoTime(), step, answer));
            if (answer.header("Retry-After") == null) {
                return answer;
            }
            if (stopping && giveUp == Long.MAX_VALUE) {
                giveUp = System.nanoTime() + FINISH_WAIT.toNanos();
            }
            if (System.nanoTime() > giveUp) {
                return answer;
            }
            Thread.sleep(PAUSE_AFTER_REFUSAL.toMillis());
        }
    }

    /** Stock that {@code customers} buying for {@code longestRun} cannot sell out. */
    static long enoughStockFor(int customers, Duration longestRun) {
        return customers * MAX_ORDERS_PER_SECOND_PER_CUSTOMER * longestRun.toSeconds();
    }

    /** Waits until at least {@code count} orders are placed in all. */
    void awaitPlaced(int count, Duration timeout) throws InterruptedException {
        awaitThat(() -> placed.size() >= count, timeout, "at least " + count + " orders placed");
    }

    private void awaitThat(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(failures).as("customers' failures").isEmpty();
            assertThat(System.nanoTime()).as("waiting for %s; %d placed so far", what, placed.size()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    int placedCount() {
        return placed.size();
    }

    List<Placed> placed() {
        return List.copyOf(placed);
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Every customer finishes the checkout it has in hand, then stops; what failed in a customer fails here. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).as("customers' failures").isEmpty();
    }
}
