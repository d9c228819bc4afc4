package dev.flotilla.order.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load: a fixed number of client threads, each with customers of its own (one customer's cart is
 * never touched by two threads), each iteration adding a cart line for a random product and then
 * checking out with a fresh {@code Idempotency-Key}. Closed loop: a client sends its next request when
 * the last one answered, so the rate is what the services sustain at that concurrency. The latency
 * recorded is that of each checkout that placed an order (201); every answer's status is counted, by
 * request, with the first body of each status that is not a success.
 */
final class CheckoutClients {

    static final String CHECKOUT_BODY = """
            {"shippingAddress": {"name": "Ada Lovelace", "line1": "1 Main St", "line2": null, "city": "Berlin", \
            "postalCode": "10115", "country": "DE"}, "currency": "EUR", \
            "payment": {"cardNumber": "4242424242424242", "expiryMonth": 12, "expiryYear": 2031}}""";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int PLACED = 201;

    private final String orderService;
    private final List<String> productIds;
    private final List<List<String>> tokensByClient;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** {@code tokensByClient.get(i)}: the access tokens of the customers client {@code i} acts for. */
    CheckoutClients(String orderService, List<String> productIds, List<List<String>> tokensByClient) {
        this.orderService = orderService;
        this.productIds = productIds;
        this.tokensByClient = tokensByClient;
    }

    /** What one phase measured. */
    record Phase(Duration length, long[] checkoutNanos, long checkoutsPlaced, Map<String, Long> statuses,
            Map<String, String> firstBodies) {

        double ordersPerSecond() {
            return checkoutsPlaced / (length.toNanos() / 1e9);
        }

        /** The latency at this percentile (0-100) of the checkouts that placed an order, in milliseconds; NaN if none did. */
        double percentileMillis(double percentile) {
            if (checkoutNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100 * checkoutNanos.length) - 1;
            return checkoutNanos[Math.clamp(index, 0, checkoutNanos.length - 1)] / 1e6;
        }
    }

    /** Runs every client for this long; returns once all have stopped. */
    Phase run(Duration length) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + length.toNanos();
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, String> firstBodies = new ConcurrentHashMap<>();
        List<Client> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (List<String> tokens : tokensByClient) {
            Client client = new Client(tokens, deadline, statuses, firstBodies);
            clients.add(client);
            threads.add(Thread.ofPlatform().name("checkout-client-" + threads.size()).start(client));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        long[] all = clients.stream().flatMapToLong(client -> Arrays.stream(client.latencies, 0, client.count)).sorted()
                .toArray();
        Map<String, Long> counted = new TreeMap<>();
        statuses.forEach((key, count) -> counted.put(key, count.sum()));
        return new Phase(elapsed, all, counted.getOrDefault("checkout " + PLACED, 0L), counted, new TreeMap<>(firstBodies));
    }

    /** One client thread: its customers in turn, until the deadline; its latencies are read after it ended. */
    private final class Client implements Runnable {

        private final List<String> tokens;
        private final long deadline;
        private final Map<String, LongAdder> statuses;
        private final Map<String, String> firstBodies;
        private long[] latencies = new long[1024];
        private int count;

        Client(List<String> tokens, long deadline, Map<String, LongAdder> statuses, Map<String, String> firstBodies) {
            this.tokens = tokens;
            this.deadline = deadline;
            this.statuses = statuses;
            this.firstBodies = firstBodies;
        }

        @Override
        public void run() {
            for (int turn = 0; System.nanoTime() < deadline && !Thread.currentThread().isInterrupted(); turn++) {
                String token = tokens.get(turn % tokens.size());
                String productId = productIds.get(ThreadLocalRandom.current().nextInt(productIds.size()));
                send("cart", post("/api/cart/lines", token, "{\"productId\": \"" + productId + "\", \"quantity\": 1}")
                        .build());
                HttpRequest checkout = post("/api/orders", token, CHECKOUT_BODY)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).build();
                long start = System.nanoTime();
                if (send("checkout", checkout) == PLACED) {
                    record(System.nanoTime() - start);
                }
            }
        }

        /** Sends the request and counts its status (or its exception); the status, or -1 if no answer came. */
        private int send(String what, HttpRequest request) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                count(what + " " + response.statusCode(), response.statusCode() >= 300 ? response.body() : null);
                return response.statusCode();
            } catch (IOException e) {
                count(what + " " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        private void count(String key, String body) {
            statuses.computeIfAbsent(key, k -> new LongAdder()).increment();
            if (body != null) {
                firstBodies.putIfAbsent(key, body);
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }

    private HttpRequest.Builder post(String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(orderService + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
