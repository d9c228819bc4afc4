package dev.flotilla.image.storage;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code objectStorage} in {@code /actuator/health}: whether the bucket answers. Not part of the
 * readiness group: without the store, reads of image records still work and uploads answer 503,
 * whereas an unready pod would answer nothing at all.
 */
@Component("objectStorageHealthIndicator")
class ObjectStorageHealth implements HealthIndicator {

    private final ObjectStorage storage;

    ObjectStorageHealth(ObjectStorage storage) {
        this.storage = storage;
    }

    @Override
    public Health health() {
        Health.Builder health = storage.reachable() ? Health.up() : Health.down();
        return health.withDetail("bucket", storage.bucket()).build();
    }
}
