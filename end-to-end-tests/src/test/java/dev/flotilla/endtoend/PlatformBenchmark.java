package dev.flotilla.endtoend;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;


/**
 * The platform as the run command starts it, measured from outside: checkouts through the gateway by
 * closed-loop clients (each adds a unit of a random product to a cart and checks it out with a new
 * Idempotency-Key; only the checkout's latency counts), and the memory of every process the platform
 * runs, after the start and under that load.
 *
 * <p>{@code ./mvnw -DskipTests install && ./mvnw -pl end-to-end-tests -Pbenchmark -DskipTests verify};
 * {@code -Dbenchmark.clients}, {@code .customers-per-client}, {@code .warm-up}, {@code .duration}.
 */
public final class PlatformBenchmark {

    private static final int PRODUCTS = 20;
    private static final long STOCK = 1_000_000;

    private PlatformBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("benchmark.clients", 32);
        int customersPerClient = Integer.getInteger("benchmark.customers-per-client", 2);
        Duration warmUp = Duration.parse("PT" + System.getProperty("benchmark.warm-up", "30s"));
        Duration length = Duration.parse("PT" + System.getProperty("benchmark.duration", "30s"));
        try (Shop shop = Shop.start("benchmark-logs")) {
            Path data = shop.data();
            System.out.printf("platform ready in %.1f s; services with the run command's JVM flags (%s), no AOT cache%n",
                    shop.platform().timings().total().toMillis() / 1000.0, shop.platform().serviceJvmOptions());
            System.out.println("memory after the start: " + Memory.ofPlatform(data));

            ShopClient admin = shop.admin();
            List<String> products = new ArrayList<>();
            for (int i = 0; i < PRODUCTS; i++) {
                products.add(Products.createBook(admin, "Benchmark Volume " + i, "9.90", STOCK).get("id").asString());
            }
            List<List<ShopClient>> customers = signUp(shop, clients, customersPerClient);
            System.out.printf("%d clients, %d customers each; warm-up %s, then %s measured%n", clients, customersPerClient,
                    warmUp, length);
            run(customers, products, warmUp, null);
            Memory.Peak peak = new Memory.Peak(data);
            Phase measured = run(customers, products, length, peak);
            System.out.println();
            System.out.printf("checkouts through the gateway: %.1f orders/s, p50 %.0f ms, p90 %.0f ms, p99 %.0f ms%n",
                    measured.ordersPerSecond(), measured.percentile(50), measured.percentile(90), measured.percentile(99));
            System.out.println("answers: " + measured.statuses());
            measured.firstRefusals().forEach((status, body) -> System.out.println("first " + status + ": " + body));
            System.out.println("memory under load (highest sample): " + peak.highest());
        }
    }

    private static List<List<ShopClient>> signUp(Shop shop, int clients, int perClient) throws Exception {
        List<List<ShopClient>> customers = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
            List<List<Future<ShopClient>>> pending = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                List<Future<ShopClient>> own = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    own.add(executor.submit(shop::newCustomer));
                }
                pending.add(own);
            }
            for (List<Future<ShopClient>> own : pending) {
                List<ShopClient> signedUp = new ArrayList<>();
                for (Future<ShopClient> customer : own) {
                    signedUp.add(customer.get());
                }
                customers.add(signedUp);
            }
        }
        return customers;
    }

    /** What one phase measured: checkout latencies of the orders placed, in nanoseconds, and every answer's status. */
    record Phase(Duration length, long[] latencies, Map<String, Long> statuses, Map<String, String> firstRefusals) {

        double ordersPerSecond() {
            return latencies.length / (length.toNanos() / 1e9);
        }

        double percentile(double percentile) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100 * latencies.length) - 1;
            return latencies[Math.clamp(index, 0, latencies.length - 1)] / 1e6;
        }
    }

    /** Every client in a thread of its own until the phase ends; {@code peak} samples the memory meanwhile, if given. */
    private static Phase run(List<List<ShopClient>> customers, List<String> products, Duration length, Memory.Peak peak)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + length.toNanos();
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, String> firstRefusals = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (List<ShopClient> own : customers) {
            long[] recorded = new long[100_000];
            latencies.add(recorded);
            threads.add(Thread.ofPlatform().start(() -> {
                int count = 0;
                for (int turn = 0; System.nanoTime() < deadline; turn++) {
                    ShopClient customer = own.get(turn % own.size());
                    String product = products.get(ThreadLocalRandom.current().nextInt(products.size()));
                    try {
                        count("cart", customer.addToCart(product, 1), statuses, firstRefusals);
                        long start = System.nanoTime();
                        ShopClient.Answer checkout = customer.checkout(UUID.randomUUID().toString());
                        long took = System.nanoTime() - start;
                        int status = count("checkout", checkout, statuses, firstRefusals);
                        if (status == 201 && count < recorded.length - 1) {
                            recorded[++count] = took;
                        }
                    } catch (IOException e) {
                        statuses.computeIfAbsent(e.getClass().getSimpleName(), key -> new LongAdder()).increment();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                recorded[0] = count;
            }));
        }
        while (peak != null && threads.stream().anyMatch(Thread::isAlive)) {
            peak.sample();
            Thread.sleep(2_000);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        long[] all = latencies.stream().flatMapToLong(recorded -> Arrays.stream(recorded, 1, 1 + (int) recorded[0]))
                .sorted().toArray();
        Map<String, Long> counted = new TreeMap<>();
        statuses.forEach((key, count) -> counted.put(key, count.sum()));
        return new Phase(elapsed, all, counted, new TreeMap<>(firstRefusals));
    }

    /** Counts the answer's status, keeps the first body of each refusal; returns the status. */
    private static int count(String step, ShopClient.Answer answer, Map<String, LongAdder> statuses,
            Map<String, String> firstRefusals) {
        String key = step + " " + answer.status();
        statuses.computeIfAbsent(key, k -> new LongAdder()).increment();
        if (answer.status() >= 300) {
            firstRefusals.putIfAbsent(key, answer.body());
        }
        return answer.status();
    }
}
