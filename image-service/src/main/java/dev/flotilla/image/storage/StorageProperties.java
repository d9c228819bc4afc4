package dev.flotilla.image.storage;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The object store, under {@code flotilla.image.storage}: the same S3 client everywhere, pointed at
 * S3Proxy locally, MinIO in compose, S3 in the cloud.
 *
 * @param endpoint the S3 endpoint; blank for AWS S3 itself (the region's endpoint)
 * @param region the signing region
 * @param bucket the bucket holding every object of this service
 * @param accessKey with {@code secretKey}: static credentials; blank: the SDK's default chain (an IAM
 *     role for service accounts, environment variables, instance profile)
 * @param pathStyle {@code http://host/bucket/key} addressing, which MinIO and S3Proxy need
 * @param createBucket create the bucket at start-up when it does not exist (local and compose only:
 *     in the cloud the bucket, its policy and its lifecycle are infrastructure)
 * @param connectTimeout TCP connect timeout of one attempt
 * @param callTimeout the whole call, retries included
 */
@ConfigurationProperties("flotilla.image.storage")
public record StorageProperties(
        @Nullable String endpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("flotilla-images") String bucket,
        @Nullable String accessKey,
        @Nullable String secretKey,
        @DefaultValue("true") boolean pathStyle,
        @DefaultValue("false") boolean createBucket,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration callTimeout) {
}
