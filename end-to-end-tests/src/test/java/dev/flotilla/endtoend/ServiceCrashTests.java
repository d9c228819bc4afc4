package dev.flotilla.endtoend;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service killed (SIGKILL, as a crash or an out-of-memory kill would) while customers keep buying,
 * then started again: checkouts that cannot be served fail cleanly and say to retry, and once it is
 * back nothing is lost and nothing counted twice, neither orders, nor stock, nor sales.
 */
@ExtendWith(RunningPlatform.class)
class ServiceCrashTests {

    private static final int CUSTOMERS = 6;
    private static final Duration DOWN_FOR = Duration.ofSeconds(4);
    private static final Duration ORDERS_WAIT = Duration.ofSeconds(90);
    /**
     * Longer than a test here can run: three waits for orders, the pause while a service is down and
     * the platform's 180 s restart timeout. The load must not sell out, whatever the machine's speed:
     * a sold-out product would answer 409, which no test here is about.
     */
    private static final Duration LONGEST_RUN = ORDERS_WAIT.multipliedBy(3).plus(DOWN_FOR).plusSeconds(180);
    private static final long STOCK = CheckoutLoad.enoughStockFor(CUSTOMERS, LONGEST_RUN);

    private static Shop shop;
    private static ShopClient admin;

    @BeforeAll
    static void start(Shop running) throws IOException, InterruptedException {
        shop = running;
        admin = shop.admin();
    }

    @Test
    void productServiceKilledDuringCheckouts() throws Exception {
        String product = Products.createBook(admin, "Crash Course " + UUID.randomUUID(), "7.25", STOCK).get("id").asString();
        List<ShopClient> customers = customers();
        long killedAt;
        long restartedAt;
        CheckoutLoad load = CheckoutLoad.start(customers, product);
        try (load) {
            load.awaitPlaced(CUSTOMERS, ORDERS_WAIT);
            killedAt = System.nanoTime();
            shop.platform().kill("product-service");
            Thread.sleep(DOWN_FOR.toMillis());
            int placedWhileDown = load.placedCount();
            assertThat(shop.platform().restart("product-service")).as("product-service ready again").isTrue();
            restartedAt = System.nanoTime();
            load.awaitPlaced(placedWhileDown + CUSTOMERS, ORDERS_WAIT);
        }

        // While it was down: 503 problems that say when to retry, and nothing else but orders placed
        // by checkouts that had reserved their stock before the kill.
        List<CheckoutLoad.Attempt> whileDown = load.attempts().stream()
                .filter(attempt -> attempt.atNanos() > killedAt && attempt.atNanos() < restartedAt).toList();
        assertThat(whileDown).extracting(attempt -> attempt.answer().status()).contains(503);
        for (CheckoutLoad.Attempt attempt : load.attempts()) {
            ShopClient.Answer answer = attempt.answer();
            assertThat(answer.status()).as("%s: %s", attempt.step(), answer).isIn(200, 201, 503);
            if (answer.status() == 503) {
                assertThat(answer.isProblem()).as("%s", answer).isTrue();
                assertThat(answer.header("Retry-After")).isNotNull();
            }
        }

        List<JsonNode> orders = ordersAreExactlyThosePlaced(customers, load.placed());
        JsonNode settled = Products.awaitSettled(admin, product, STOCK, orders.size());
        assertThat(settled.get("availableStock").asLong()).isLessThanOrEqualTo(STOCK - orders.size());
        SalesReport.awaitExactly(admin, SalesReport.expected(List.of(product), orders));
    }

    @Test
    void analyticsServiceKilledWhileEventsFlow() throws Exception {
        String product = Products.createBook(admin, "Lost Ledger " + UUID.randomUUID(), "3.10", STOCK).get("id").asString();
        List<ShopClient> customers = customers();
        CheckoutLoad load = CheckoutLoad.start(customers, product);
        try (load) {
            load.awaitPlaced(CUSTOMERS, ORDERS_WAIT);
            shop.platform().kill("analytics-service");
            // Orders placed and cancelled while nobody consumes their events.
            load.awaitPlaced(load.placedCount() + CUSTOMERS, ORDERS_WAIT);
            for (CheckoutLoad.Placed placed : load.placed().subList(0, 2)) {
                assertThat(placed.customer().post("/api/orders/" + placed.orderId() + "/cancel", Map.of()).status())
                        .isEqualTo(200);
            }
            ShopClient.Answer report = admin.get("/api/analytics/live");
            assertThat(report.status()).as("%s", report).isEqualTo(503);
            assertThat(shop.platform().restart("analytics-service")).as("analytics-service ready again").isTrue();
            load.awaitPlaced(load.placedCount() + CUSTOMERS, ORDERS_WAIT);
        }

        List<JsonNode> orders = ordersAreExactlyThosePlaced(customers, load.placed());
        assertThat(orders).filteredOn(order -> order.get("status").asString().equals("CANCELLED")).hasSize(2);
        SalesReport.awaitExactly(admin, SalesReport.expected(List.of(product), orders));
    }

    private static List<ShopClient> customers() throws IOException, InterruptedException {
        List<ShopClient> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(shop.newCustomer());
        }
        return customers;
    }

    /**
     * The customers' orders are exactly the checkouts answered 201, each once, and every one of those
     * checkouts sent again with its key answers with its order, replayed.
     */
    private static List<JsonNode> ordersAreExactlyThosePlaced(List<ShopClient> customers, List<CheckoutLoad.Placed> placed)
            throws IOException, InterruptedException {
        List<JsonNode> orders = new ArrayList<>();
        for (ShopClient customer : customers) {
            orders.addAll(customer.orders());
        }
        Set<String> held = new HashSet<>();
        orders.forEach(order -> held.add(order.get("id").asString()));
        Set<String> answered = new LinkedHashSet<>();
        placed.forEach(order -> answered.add(order.orderId()));
        assertThat(answered).as("order ids answered").hasSize(placed.size());
        assertThat(held).as("orders the customers have").hasSize(orders.size()).isEqualTo(answered);
        for (CheckoutLoad.Placed order : placed) {
            ShopClient.Answer replayed = order.customer().checkout(order.key());
            assertThat(replayed.status()).as("%s", replayed).isEqualTo(201);
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replayed.json().get("id").asString()).isEqualTo(order.orderId());
        }
        return orders;
    }
}
