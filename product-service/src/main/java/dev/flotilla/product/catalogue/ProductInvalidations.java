package dev.flotilla.product.catalogue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Tells every replica that a product changed, over the Redis channel {@value #CHANNEL}, so that each
 * drops its {@link NearCache} copy. Best effort: with Redis down a message is lost and the near
 * cache's short TTL bounds the staleness. The subscription starts after startup and keeps trying in
 * the background, so a service whose Redis is down still starts.
 */
@Component
class ProductInvalidations {

    static final String CHANNEL = "product:invalidations";
    private static final Logger log = LoggerFactory.getLogger(ProductInvalidations.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final RedisMessageListenerContainer container = new RedisMessageListenerContainer();
    private volatile boolean stopped;

    ProductInvalidations(RedisConnectionFactory connections, NearCache nearCache) {
        container.setConnectionFactory(connections);
        container.addMessageListener((message, pattern) -> nearCache.evict(new String(message.getBody(),
                StandardCharsets.UTF_8)), new ChannelTopic(CHANNEL));
        container.afterPropertiesSet();
    }

    @EventListener(ApplicationReadyEvent.class)
    void subscribe() {
        Thread.ofVirtual().name("product-invalidations").start(() -> {
            while (!stopped && !container.isRunning() && !Thread.currentThread().isInterrupted()) {
                try {
                    container.start();
                } catch (RuntimeException e) {
                    log.warn("Not subscribed to {} yet, retrying in {}: {}", CHANNEL, RETRY, e.getMessage());
                    sleep();
                }
            }
        });
    }

    @PreDestroy
    void stop() throws Exception {
        stopped = true;
        container.destroy();
    }

    /** Publishes that a product changed. */
    static void publish(StringRedisTemplate redis, String productId) {
        try {
            redis.convertAndSend(CHANNEL, productId);
        } catch (DataAccessException e) {
            log.debug("Invalidation of {} not published: {}", productId, e.getMessage());
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
