package dev.flotilla.endtoend;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sale: more customers than units, all checking out at the same moment. Exactly the stock is sold,
 * never more, and the sales report counts exactly the orders placed.
 */
@ExtendWith(RunningPlatform.class)
class ConcurrentCheckoutTests {

    private static final int CUSTOMERS = 100;
    private static final int STOCK = 20;
    private static final String PRICE = "12.50";
    /** Registrations and logins at once: each is a BCrypt hash in user-service. */
    private static final int SIGN_UP_CONCURRENCY = 8;

    /** How one customer's checkout ended, after retrying the refusals that say to try again. */
    record Outcome(ShopClient customer, ShopClient.Answer answer, List<Integer> retriedStatuses) {
    }

    @Test
    void aHundredCustomersCheckOutTwentyUnitsAtOnce(Shop shop) throws Exception {
        ShopClient admin = shop.admin();
        String product = Products.createBook(admin, "Limited Edition " + UUID.randomUUID(), PRICE, STOCK).get("id").asString();

        List<ShopClient> customers = signUp(shop);
        for (ShopClient customer : customers) {
            assertThat(customer.addToCart(product, 1).status()).isIn(200, 201);
        }

        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Outcome>> checkouts = customers.stream().map(customer -> (Callable<Outcome>) () -> {
            go.await();
            return checkOut(customer);
        }).toList();
        List<Outcome> outcomes = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(CUSTOMERS)) {
            List<Future<Outcome>> running = checkouts.stream().map(executor::submit).toList();
            go.countDown();
            for (Future<Outcome> outcome : running) {
                outcomes.add(outcome.get());
            }
        }

        List<Outcome> placed = outcomes.stream().filter(outcome -> outcome.answer().status() == 201).toList();
        List<Outcome> refused = outcomes.stream().filter(outcome -> outcome.answer().status() != 201).toList();
        assertThat(placed).as("orders placed").hasSize(STOCK);
        assertThat(refused).allSatisfy(outcome -> {
            assertThat(outcome.answer().status()).as("%s", outcome.answer()).isEqualTo(409);
            assertThat(outcome.answer().isProblem()).isTrue();
        });

        // Each winner has its one order, each loser none, and the units sold left the stock.
        List<JsonNode> orders = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            List<JsonNode> own = outcome.customer().orders();
            assertThat(own).hasSize(outcome.answer().status() == 201 ? 1 : 0);
            orders.addAll(own);
        }
        JsonNode settled = Products.awaitSettled(admin, product, STOCK, STOCK);
        assertThat(settled.get("availableStock").asLong()).isZero();
        assertThat(settled.get("reservedStock").asLong()).isZero();

        Map<String, SalesReport.Totals> expected = SalesReport.expected(List.of(product), orders);
        assertThat(expected.get(product)).isEqualTo(new SalesReport.Totals(STOCK, STOCK, new BigDecimal("250.00")));
        SalesReport.awaitExactly(admin, expected);
    }

    /** The customers, registered and logged in a few at a time. */
    private static List<ShopClient> signUp(Shop shop) throws Exception {
        List<ShopClient> customers = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(SIGN_UP_CONCURRENCY)) {
            List<Future<ShopClient>> signedUp = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                signedUp.add(executor.submit(shop::newCustomer));
            }
            for (Future<ShopClient> customer : signedUp) {
                customers.add(customer.get());
            }
        }
        return customers;
    }

    /**
     * Checks out with one Idempotency-Key, sending the same request again as long as the answer says to
     * try again ({@code Retry-After}: the key in flight, product-service too busy to answer in time).
     */
    private static Outcome checkOut(ShopClient customer) throws IOException, InterruptedException {
        String key = UUID.randomUUID().toString();
        List<Integer> retried = new ArrayList<>();
        ShopClient.Answer answer = customer.checkout(key);
        while (answer.header("Retry-After") != null && retried.size() < 20) {
            retried.add(answer.status());
            Thread.sleep(500);
            answer = customer.checkout(key);
        }
        return new Outcome(customer, answer, retried);
    }
}
