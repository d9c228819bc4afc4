package dev.flotilla.order;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.flotilla.order.OrderApi.Customer;
import dev.flotilla.order.events.OrderEventStream;
import dev.flotilla.order.support.ProductServiceProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checkout end to end against the real product-service (its jar, as a process) and real engines:
 * the happy path, declines, provider timeouts, idempotency under concurrency and after a Redis
 * restart, the race for the last units, and cancellation.
 */
@OrderServiceTest
class CheckoutFlowTests {

    static final ProductServiceProcess products = SharedProductService.instance();

    @DynamicPropertySource
    static void productService(DynamicPropertyRegistry registry) {
        SharedProductService.register(registry, products);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    OrderApi api;

    @BeforeEach
    void client() {
        api = new OrderApi(port);
    }

    @Test
    void placesAnOrderConfirmsItsStockEmptiesTheCartAndPublishesOneEvent() {
        String product = products.createProduct("19.99", "EUR", 10);
        Customer customer = OrderApi.newCustomer();
        assertThat(api.addToCart(customer, product, 2).statusCode()).isBetween(200, 201);

        HttpResponse<String> placed = api.checkout(customer, UUID.randomUUID().toString(), OrderApi.checkoutBody(OrderApi.APPROVES));

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        JsonNode order = OrderApi.json(placed);
        assertThat(order.get("status").asString()).isEqualTo("PLACED");
        // 2 x 19.99 = 39.98; German VAT 19 % = 7.5962 -> 7.60
        assertThat(order.get("totals").get("subtotal").asString()).isEqualTo("39.98");
        assertThat(order.get("totals").get("tax").asString()).isEqualTo("7.60");
        assertThat(order.get("totals").get("total").asString()).isEqualTo("47.58");
        assertThat(placed.headers().firstValue("Location")).hasValue("/api/orders/" + order.get("id").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> products.stock(product).equals(new ProductServiceProcess.Stock(8, 0)));
        assertThat(OrderApi.json(api.send("GET", "/api/cart", null, customer.token(), null)).get("lines")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> eventsFor(order.get("id").asString()) == 1);
    }

    @Test
    void aDeclinedCardKeepsADeclinedOrderReleasesTheStockAndPublishesNothing() throws Exception {
        String product = products.createProduct("5.00", "EUR", 3);
        Customer customer = OrderApi.newCustomer();
        api.addToCart(customer, product, 3);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> declined = api.checkout(customer, key, OrderApi.checkoutBody(OrderApi.DECLINES));

        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(declined.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        String orderId = OrderApi.json(declined).get("orderId").asString();
        assertThat(OrderApi.json(api.send("GET", "/api/orders/" + orderId, null, customer.token(), null)).get("status").asString())
                .isEqualTo("DECLINED");
        await().atMost(Duration.ofSeconds(10)).until(() -> products.stock(product).equals(new ProductServiceProcess.Stock(3, 0)));
        HttpResponse<String> replay = api.checkout(customer, key, OrderApi.checkoutBody(OrderApi.DECLINES));
        assertThat(replay.statusCode()).isEqualTo(402);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        Thread.sleep(500);
        assertThat(eventsFor(orderId)).isZero();
    }

    @Test
    void aProviderTimeoutIsNotADeclineTheOrderWaitsThenFailsAndGivesTheStockBack() {
        String product = products.createProduct("7.00", "EUR", 4);
        Customer customer = OrderApi.newCustomer();
        api.addToCart(customer, product, 1);

        long started = System.nanoTime();
        HttpResponse<String> pending = api.checkout(customer, UUID.randomUUID().toString(), OrderApi.checkoutBody(OrderApi.TIMES_OUT));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(202);
        String orderId = OrderApi.json(pending).get("id").asString();
        assertThat(OrderApi.json(pending).get("status").asString()).isEqualTo("PAYMENT_PENDING");
        await().atMost(Duration.ofSeconds(10)).until(() -> "PAYMENT_FAILED".equals(
                OrderApi.json(api.send("GET", "/api/orders/" + orderId, null, customer.token(), null)).get("status").asString()));
        await().atMost(Duration.ofSeconds(10)).until(() -> products.stock(product).equals(new ProductServiceProcess.Stock(4, 0)));
        assertThat(eventsFor(orderId)).isZero();
    }

    @Test
    void fiftyConcurrentCheckoutsWithOneKeyMakeExactlyOneOrder() throws Exception {
        String product = products.createProduct("3.00", "EUR", 100);
        Customer customer = OrderApi.newCustomer();
        api.addToCart(customer, product, 1);
        String key = UUID.randomUUID().toString();

        List<HttpResponse<String>> responses = concurrently(50, () -> api.checkout(customer, key, OrderApi.checkoutBody(OrderApi.APPROVES)));

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201, 409).contains(201);
        assertThat(responses.stream().filter(r -> r.statusCode() == 201).map(r -> OrderApi.json(r).get("id").asString()).distinct()).hasSize(1);
        assertThat(ordersOf(customer)).isEqualTo(1);
        HttpResponse<String> retry = api.checkout(customer, key, OrderApi.checkoutBody(OrderApi.APPROVES));
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        await().atMost(Duration.ofSeconds(10)).until(() -> products.stock(product).equals(new ProductServiceProcess.Stock(99, 0)));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String product = products.createProduct("3.00", "EUR", 10);
        Customer customer = OrderApi.newCustomer();
        api.addToCart(customer, product, 1);
        String key = UUID.randomUUID().toString();
        assertThat(api.checkout(customer, key, OrderApi.checkoutBody(OrderApi.APPROVES)).statusCode()).isEqualTo(201);

        Map<String, Object> other = OrderApi.checkoutBody(OrderApi.APPROVES);
        other.put("currency", "USD");
        HttpResponse<String> reused = api.checkout(customer, key, other);

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void aRedisRestartBetweenARequestAndItsRetryNeverMakesASecondOrder() {
        String product = products.createProduct("3.00", "EUR", 10);
        Customer customer = OrderApi.newCustomer();
        api.addToCart(customer, product, 1);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = api.checkout(customer, key, OrderApi.checkoutBody(OrderApi.APPROVES));
        assertThat(first.statusCode()).isEqualTo(201);
        // A restarted Redis without persistence: every lock and cart is gone. The cart is filled again,
        // as a client that retries after adding the same things would.
        redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
        api.addToCart(customer, product, 1);

        HttpResponse<String> retry = api.checkout(customer, key, OrderApi.checkoutBody(OrderApi.APPROVES));

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void aKeyPastItsTimeToLiveCountsAsNew() {
        String product = products.createProduct("3.00", "EUR", 10);
        Customer customer = OrderApi.newCustomer();
        api.addToCart(customer, product, 1);
        String key = UUID.randomUUID().toString();
        String first = OrderApi.json(api.checkout(customer, key, OrderApi.checkoutBody(OrderApi.APPROVES))).get("id").asString();
        // 24 hours later, as far as the record is concerned.
        jdbc.update("update idempotency_record set expires_at = now() - interval '1 second' where user_id = ?", customer.id());
        api.addToCart(customer, product, 1);

        HttpResponse<String> again = api.checkout(customer, key, OrderApi.checkoutBody(OrderApi.APPROVES));

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(OrderApi.json(again).get("id").asString()).isNotEqualTo(first);
        assertThat(ordersOf(customer)).isEqualTo(2);
    }

    @Test
    void aHundredCustomersRaceForTwentyUnitsAndExactlyTwentyOrdersArePlaced() throws Exception {
        String product = products.createProduct("9.00", "EUR", 20);
        List<Customer> customers = java.util.stream.IntStream.range(0, 100).mapToObj(i -> OrderApi.newCustomer()).toList();
        customers.forEach(customer -> api.addToCart(customer, product, 1));

        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        // Each client behaves as the API asks: a 503 (a slow product-service on a saturated machine) is
        // retried with the same key after Retry-After.
        List<HttpResponse<String>> responses = concurrently(100, () -> {
            Customer customer = customers.get(next.getAndIncrement());
            String key = UUID.randomUUID().toString();
            HttpResponse<String> response = api.checkout(customer, key, OrderApi.checkoutBody(OrderApi.APPROVES));
            for (int retry = 0; retry < 5 && response.statusCode() == 503; retry++) {
                Thread.sleep(1000);
                response = api.checkout(customer, key, OrderApi.checkoutBody(OrderApi.APPROVES));
            }
            return response;
        });

        assertThat(responses).extracting(HttpResponse::statusCode).as(() -> responses.stream()
                .filter(r -> r.statusCode() != 201 && r.statusCode() != 409).map(HttpResponse::body).distinct().toList().toString())
                .containsOnly(201, 409);
        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(20);
        assertThat(jdbc.queryForObject("select count(*) from order_line where product_id = ?", Long.class, product)).isEqualTo(20);
        await().atMost(Duration.ofSeconds(15)).until(() -> products.stock(product).equals(new ProductServiceProcess.Stock(0, 0)));
    }

    @Test
    void cancelsAPlacedOrderWithARefundAndAnEventAndRefusesToCancelItTwice() {
        String product = products.createProduct("12.00", "EUR", 5);
        Customer customer = OrderApi.newCustomer();
        api.addToCart(customer, product, 1);
        String orderId = OrderApi.json(api.checkout(customer, UUID.randomUUID().toString(),
                OrderApi.checkoutBody(OrderApi.APPROVES))).get("id").asString();

        assertThat(api.send("POST", "/api/orders/" + orderId + "/cancel", Map.of(), OrderApi.newCustomer().token(), null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> cancelled = api.send("POST", "/api/orders/" + orderId + "/cancel", Map.of("reason", "changed my mind"),
                customer.token(), null);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(OrderApi.json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(OrderApi.json(cancelled).get("payment").get("status").asString()).isEqualTo("REFUNDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> eventsFor(orderId) == 2);
        assertThat(api.send("POST", "/api/orders/" + orderId + "/cancel", null, customer.token(), null).statusCode())
                .as("no body").isEqualTo(400);
        HttpResponse<String> again = api.send("POST", "/api/orders/" + orderId + "/cancel", Map.of(), customer.token(), null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(OrderApi.json(again).get("status").asInt()).isEqualTo(409);
        assertThat(OrderApi.json(again).get("orderStatus").asString()).isEqualTo("CANCELLED");
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aPriceChangedSinceTheLineWasAddedIsShownAndNeverCharged() {
        String product = products.createProduct("10.00", "EUR", 5);
        Customer customer = OrderApi.newCustomer();
        api.addToCart(customer, product, 1);
        products.changePrice(product, "12.50");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> changed = api.checkout(customer, key, OrderApi.checkoutBody(OrderApi.APPROVES));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(409);
        JsonNode change = OrderApi.json(changed).get("changes").get(0);
        assertThat(change.get("was").asString()).isEqualTo("10.00");
        assertThat(change.get("now").asString()).isEqualTo("12.50");
        assertThat(ordersOf(customer)).isZero();
        assertThat(products.stock(product)).isEqualTo(new ProductServiceProcess.Stock(5, 0));
        HttpResponse<String> accepted = api.checkout(customer, key, OrderApi.checkoutBody(OrderApi.APPROVES));
        assertThat(accepted.statusCode()).as("the same key again, now that the cart shows the new price").isEqualTo(201);
        assertThat(OrderApi.json(accepted).get("totals").get("subtotal").asString()).isEqualTo("12.50");
    }

    @Test
    void anEmptyCartOrABadRequestStoresNothing() {
        Customer customer = OrderApi.newCustomer();
        assertThat(api.checkout(customer, UUID.randomUUID().toString(), OrderApi.checkoutBody(OrderApi.APPROVES)).statusCode())
                .isEqualTo(422);
        String product = products.createProduct("1.00", "EUR", 5);
        api.addToCart(customer, product, 1);
        Map<String, Object> badCard = OrderApi.checkoutBody("4242424242424241");
        assertThat(api.checkout(customer, UUID.randomUUID().toString(), badCard).statusCode()).isEqualTo(400);
        Map<String, Object> nowhere = OrderApi.checkoutBody(OrderApi.APPROVES);
        ((Map<String, Object>) nowhere.get("shippingAddress")).put("country", "QQ");
        assertThat(api.checkout(customer, UUID.randomUUID().toString(), nowhere).statusCode()).isEqualTo(400);
        assertThat(api.checkout(customer, null, OrderApi.checkoutBody(OrderApi.APPROVES)).statusCode()).isEqualTo(400);

        assertThat(ordersOf(customer)).isZero();
        assertThat(products.stock(product)).isEqualTo(new ProductServiceProcess.Stock(5, 0));
    }

    private long ordersOf(Customer customer) {
        return jdbc.queryForObject("select count(*) from orders where user_id = ?", Long.class, customer.id());
    }

    private long eventsFor(String orderId) {
        return redis.opsForStream().range(OrderEventStream.DEFAULT_KEY, org.springframework.data.domain.Range.unbounded())
                .stream().filter(record -> record.getValue().values().stream().anyMatch(value -> value.toString().contains(orderId)))
                .count();
    }

    private static <T> List<T> concurrently(int count, Callable<T> task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            List<Future<T>> futures = java.util.stream.IntStream.range(0, count).mapToObj(i -> pool.submit(task)).toList();
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
