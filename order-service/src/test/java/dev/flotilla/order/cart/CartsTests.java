package dev.flotilla.order.cart;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.flotilla.order.catalogue.CatalogueProduct;
import dev.flotilla.order.pricing.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cart store on a real Redis: lines, limits, time to live, concurrent changes. */
@CartTest
class CartsTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    Carts carts;

    @Autowired
    StringRedisTemplate redis;

    private final UUID user = UUID.randomUUID();

    @Test
    void aLineKeepsThePriceAndNameItWasAddedWith() {
        carts.add(user, product(1, "19.99"), 2, NOW);
        carts.add(user, product(1, "25.00"), 3, NOW.plusSeconds(60));

        assertThat(carts.lines(user)).containsExactly(new CartLine(id(1), "SKU-1", "Book 1", "books", 5,
                Money.of("19.99", "EUR"), NOW));
        assertThat(redis.opsForHash().keys("cart:" + user)).containsExactly(id(1));
    }

    @Test
    void linesComeOldestFirst() {
        carts.add(user, product(2, "1.00"), 1, NOW.plusSeconds(5));
        carts.add(user, product(1, "1.00"), 1, NOW);

        assertThat(carts.lines(user)).extracting(CartLine::productId).containsExactly(id(1), id(2));
    }

    @Test
    void everyChangeSetsTheTimeToLiveAgain() {
        carts.add(user, product(1, "1.00"), 1, NOW);
        assertThat(ttl()).isBetween(Duration.ofDays(7).minusSeconds(5), Duration.ofDays(7));

        for (Runnable change : List.<Runnable>of(() -> carts.add(user, product(2, "1.00"), 1, NOW),
                () -> carts.set(user, id(1), 4), () -> carts.remove(user, id(2)),
                () -> carts.repriced(user, id(1), Money.of("2.00", "EUR"), "Book 1, 2nd edition"))) {
            redis.expire("cart:" + user, Duration.ofSeconds(100));
            change.run();
            assertThat(ttl()).isGreaterThan(Duration.ofDays(7).minusSeconds(5));
        }
    }

    @Test
    void removingTheLastLineLeavesNoCart() {
        carts.add(user, product(1, "1.00"), 1, NOW);
        carts.remove(user, id(1));
        assertThatThrownBy(() -> carts.remove(user, id(1))).isInstanceOf(CartLineNotFoundException.class);

        assertThat(redis.hasKey("cart:" + user)).isFalse();
        assertThat(carts.lines(user)).isEmpty();
    }

    @Test
    void aRepricedLineShowsTheNewPriceAndName() {
        carts.add(user, product(1, "19.99"), 2, NOW);

        carts.repriced(user, id(1).toUpperCase(), Money.of("17.50", "EUR"), "Book 1, paperback");
        carts.repriced(user, id(9), Money.of("1.00", "EUR"), "not in the cart");

        assertThat(carts.lines(user)).containsExactly(new CartLine(id(1), "SKU-1", "Book 1, paperback", "books", 2,
                Money.of("17.50", "EUR"), NOW));
    }

    @Test
    void theLimitsNameWhatWouldBeExceededAndChangeNothing() {
        carts.add(user, product(1, "1.00"), 20, NOW);
        assertThatThrownBy(() -> carts.add(user, product(1, "1.00"), 1, NOW)).isInstanceOf(CartLimitException.class)
                .hasMessageContaining("quantity-per-line of 20");
        assertThatThrownBy(() -> carts.set(user, id(1), 21)).hasMessageContaining("quantity-per-line");
        for (int i = 2; i <= 10; i++) {
            carts.add(user, product(i, "1.00"), 20, NOW);
        }
        assertThatThrownBy(() -> carts.add(user, product(11, "1.00"), 1, NOW)).hasMessageContaining("units-per-cart of 200");
        assertThat(carts.lines(user)).hasSize(10).allSatisfy(line -> assertThat(line.quantity()).isEqualTo(20));

        carts.clear(user);
        for (int i = 1; i <= 50; i++) {
            carts.add(user, product(i, "1.00"), 1, NOW);
        }
        assertThatThrownBy(() -> carts.add(user, product(51, "1.00"), 1, NOW)).hasMessageContaining("lines-per-cart of 50");
        carts.add(user, product(50, "1.00"), 1, NOW);
        assertThat(carts.lines(user)).hasSize(50).extracting(CartLine::productId).doesNotContain(id(51));
    }

    @Test
    void settingALineThatIsNotThereIsNotFound() {
        assertThatThrownBy(() -> carts.set(user, id(1), 2)).isInstanceOf(CartLineNotFoundException.class);
        assertThat(redis.hasKey("cart:" + user)).isFalse();
    }

    @Test
    void concurrentAddsOfOneProductLoseNoUpdateAndNeverPassTheLimit() throws Exception {
        List<Boolean> outcomes = concurrently(40, i -> () -> add(product(1, "1.00")));

        assertThat(outcomes).filteredOn(added -> added).hasSize(20);
        assertThat(carts.lines(user)).singleElement().extracting(CartLine::quantity).isEqualTo(20);
    }

    @Test
    void concurrentAddsOfManyProductsNeverPassTheLineLimit() throws Exception {
        List<Boolean> outcomes = concurrently(60, i -> () -> add(product(i + 1, "1.00")));

        assertThat(outcomes).filteredOn(added -> added).hasSize(50);
        assertThat(carts.lines(user)).hasSize(50);
    }

    private boolean add(CatalogueProduct product) {
        try {
            carts.add(user, product, 1, NOW);
            return true;
        } catch (CartLimitException e) {
            return false;
        }
    }

    private static List<Boolean> concurrently(int tasks, java.util.function.IntFunction<Callable<Boolean>> task)
            throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                futures.add(threads.submit(task.apply(i)));
            }
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }

    private Duration ttl() {
        return Duration.ofSeconds(redis.getExpire("cart:" + user));
    }

    static String id(int n) {
        return "%024x".formatted(n);
    }

    private static CatalogueProduct product(int n, String price) {
        return new CatalogueProduct(id(n), "SKU-" + n, "Book " + n, "books", new Money(new BigDecimal(price), "EUR"), true, 10);
    }
}
