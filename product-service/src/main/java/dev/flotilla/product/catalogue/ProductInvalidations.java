package dev.flotilla.product.catalogue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Tells every replica that a product changed, over the Redis channel {@value #CHANNEL}, so that each
 * drops its {@link NearCache} copy. Best effort: with Redis down a message is lost and the near
 * cache's short TTL bounds the staleness. The subscription is set up on a thread of its own and keeps
 * trying in the background, so a service whose Redis is down still starts.
 *
 * <p>Stopping never waits longer than {@link #STOP_WAIT}. It happens in a lifecycle phase above the
 * Redis connection factory's, so Lettuce still runs while the subscription is given up. Were the
 * factory stopped first (as it was when the container was stopped from {@code @PreDestroy}), its
 * {@code stop()} would wait for a connection the subscription is opening (both take the factory's
 * lock), or shut Lettuce down under it, leaving a connect that never completes; then
 * {@link RedisMessageListenerContainer#stop()} waits forever for the lock that the container's
 * subscriber holds while it connects. So the subscribing thread is interrupted, which ends any wait
 * inside Lettuce, and the container is stopped on a thread of its own with a bounded wait.
 */
@Component
class ProductInvalidations implements SmartLifecycle, DisposableBean {

    static final String CHANNEL = "product:invalidations";
    /** After the web server has drained its requests, before the Redis connection factory (phase 0). */
    static final int PHASE = 1024;
    static final Duration STOP_WAIT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(ProductInvalidations.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final RedisMessageListenerContainer container = new RedisMessageListenerContainer();
    private volatile boolean running;
    private volatile @Nullable Thread subscriber;

    ProductInvalidations(RedisConnectionFactory connections, NearCache nearCache) {
        container.setConnectionFactory(connections);
        container.addMessageListener((message, pattern) -> nearCache.evict(new String(message.getBody(),
                StandardCharsets.UTF_8)), new ChannelTopic(CHANNEL));
        container.afterPropertiesSet();
    }

    @Override
    public synchronized void start() {
        if (!running) {
            running = true;
            subscriber = Thread.ofPlatform().daemon().name("product-invalidations").start(this::subscribe);
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        Thread subscribing = subscriber;
        if (subscribing != null) {
            subscribing.interrupt();
        }
        Thread stopping = Thread.ofPlatform().daemon().name("product-invalidations-stop").start(this::stopContainer);
        if (!joined(stopping, deadline) || (subscribing != null && !joined(subscribing, deadline))) {
            log.warn("The subscription to {} did not end within {}; shutting down without it", CHANNEL, STOP_WAIT);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** A context closed without stopping its lifecycle beans (a failed start) still ends the subscription. */
    @Override
    public void destroy() {
        stop();
    }

    /** Publishes that a product changed. */
    static void publish(StringRedisTemplate redis, String productId) {
        try {
            redis.convertAndSend(CHANNEL, productId);
        } catch (DataAccessException e) {
            log.debug("Invalidation of {} not published: {}", productId, e.getMessage());
        }
    }

    /** Subscribes, retrying until it works or the service stops; the container itself recovers later losses. */
    private void subscribe() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                container.start();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Not subscribed to {} yet, retrying in {}: {}", CHANNEL, RETRY, e.getMessage());
                // A failed start leaves the container marked as started: reset it so that the next start tries.
                container.stop();
                sleep();
            }
        }
    }

    private void stopContainer() {
        try {
            container.destroy();
        } catch (Exception e) {
            log.warn("Stopping the subscription to {} failed: {}", CHANNEL, e.getMessage());
        }
    }

    private static boolean joined(Thread thread, long deadline) {
        try {
            long left = deadline - System.nanoTime();
            return left > 0 && thread.join(Duration.ofNanos(left)) || !thread.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !thread.isAlive();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
