package dev.flotilla.analytics.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.StreamInfo;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code flotilla.analytics.consumer.lag}: the events of the stream this service has not applied yet,
 * pending with a consumer or not delivered at all, which an autoscaler may read. Redis 7 reports the
 * group's lag itself; this counts it on Redis 6.2 too: the pending entries plus the entries after the
 * group's last delivered id, counted up to {@value #COUNT_LIMIT}.
 */
@Component
class ConsumerLag {

    static final int COUNT_LIMIT = 10_000;

    private final StringRedisTemplate redis;
    private final ConsumerProperties properties;

    ConsumerLag(StringRedisTemplate redis, ConsumerProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        Gauge.builder("flotilla.analytics.consumer.lag", this, ConsumerLag::lag)
                .description("order events not applied yet by this service's consumer group").register(meters);
    }

    double lag() {
        if (!Boolean.TRUE.equals(redis.hasKey(properties.streamKey()))) {
            return 0;
        }
        StreamInfo.XInfoGroup group = redis.opsForStream().groups(properties.streamKey()).stream()
                .filter(candidate -> candidate.groupName().equals(properties.group())).findFirst().orElse(null);
        if (group == null) {
            Long length = redis.opsForStream().size(properties.streamKey());
            return length == null ? 0 : length;
        }
        int undelivered = redis.opsForStream().range(properties.streamKey(),
                Range.leftOpen(group.lastDeliveredId(), "+"), Limit.limit().count(COUNT_LIMIT)).size();
        return group.pendingCount() + undelivered;
    }
}
