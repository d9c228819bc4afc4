package dev.flotilla.image.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The bucket of this service through the S3 API. Every failure of the store (unreachable, timed out,
 * a 5xx) becomes a {@link StorageUnavailableException}; a missing object is an empty answer.
 */
@Component
public class ObjectStorage {

    private static final Logger log = LoggerFactory.getLogger(ObjectStorage.class);
    private static final int NOT_FOUND = 404;

    private final S3Client s3;
    private final StorageProperties properties;
    private volatile boolean bucketChecked;

    ObjectStorage(S3Client s3, StorageProperties properties) {
        this.s3 = s3;
        this.properties = properties;
    }

    /**
     * Creates the bucket when configured to and it is missing, before the service reports ready; the
     * service starts either way, and a store that was down is asked again every half minute.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelay = 30, fixedDelay = 30, timeUnit = TimeUnit.SECONDS)
    void createBucketIfAllowed() {
        if (!properties.createBucket() || bucketChecked) {
            return;
        }
        try {
            s3.headBucket(b -> b.bucket(properties.bucket()));
            bucketChecked = true;
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(properties.bucket()));
            bucketChecked = true;
            log.info("Created bucket {}", properties.bucket());
        } catch (SdkException e) {
            log.warn("The object store is unavailable: {}; uploads answer 503 until it is back", e.getMessage());
        }
    }

    /** Stores an object; returns its ETag (quotes removed). */
    public String put(String key, byte[] bytes, String contentType, Map<String, String> metadata) {
        return call("storing " + key, () -> unquote(s3.putObject(b -> b.bucket(properties.bucket()).key(key)
                .contentType(contentType).contentLength((long) bytes.length).metadata(metadata),
                RequestBody.fromBytes(bytes)).eTag()));
    }

    /**
     * Stores an object read from {@code content}, which is opened again for a retried attempt, so that
     * no upload is held in memory.
     */
    public void put(String key, ContentStreamProvider content, long length, String contentType) {
        call("storing " + key, () -> s3.putObject(b -> b.bucket(properties.bucket()).key(key).contentType(contentType)
                .contentLength(length), RequestBody.fromContentProvider(content, length, contentType)));
    }

    /** The whole object, or empty when it does not exist. */
    public Optional<byte[]> read(String key) {
        return readTagged(key).map(Tagged::bytes);
    }

    /** The whole object with the store's ETag (quotes removed), or empty when it does not exist. */
    public Optional<Tagged> readTagged(String key) {
        return call("reading " + key, () -> {
            try {
                var object = s3.getObjectAsBytes(b -> b.bucket(properties.bucket()).key(key));
                return Optional.of(new Tagged(object.asByteArray(), unquote(object.response().eTag())));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
        });
    }

    /** The object's bytes, or a range of them ({@code bytes=first-last}); empty when it does not exist. */
    public Optional<StoredObject> open(String key, @Nullable String range) {
        return call("reading " + key, () -> {
            try {
                ResponseInputStream<GetObjectResponse> body = s3.getObject(b -> b.bucket(properties.bucket()).key(key)
                        .range(range));
                GetObjectResponse response = body.response();
                return Optional.of(new StoredObject(body, response.contentLength(), response.contentType(),
                        unquote(response.eTag()), response.contentRange()));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
        });
    }

    /** Every object under a prefix, with its key and last change. */
    public List<Listed> list(String prefix) {
        return call("listing " + prefix, () -> {
            List<Listed> objects = new ArrayList<>();
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(properties.bucket()).prefix(prefix)).contents()) {
                // A file-system backed store lists its directories as keys ending in '/': not objects.
                if (!object.key().endsWith("/")) {
                    objects.add(new Listed(object.key(), object.lastModified()));
                }
            }
            return objects;
        });
    }

    /**
     * Deletes the objects; missing ones are no error. One request per object: an image has at most a
     * handful, and the batch call needs a checksum header that not every S3-compatible server accepts.
     */
    public void delete(List<String> keys) {
        for (String key : keys) {
            call("deleting " + key, () -> s3.deleteObject(b -> b.bucket(properties.bucket()).key(key)));
        }
    }

    /** Deletes every object under a prefix (all of one image's). */
    public void deletePrefix(String prefix) {
        delete(list(prefix).stream().map(Listed::key).toList());
    }

    /** Whether the bucket answers: the health indicator's question. */
    boolean reachable() {
        try {
            s3.headBucket(b -> b.bucket(properties.bucket()));
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    String bucket() {
        return properties.bucket();
    }

    private static <T> T call(String action, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                throw new StorageUnavailableException(action + ": the bucket does not exist", e);
            }
            throw new StorageUnavailableException(action, e);
        } catch (SdkException e) {
            throw new StorageUnavailableException(action, e);
        }
    }

    private static String unquote(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }

    /** An object's bytes and the store's validator of them. */
    public record Tagged(byte[] bytes, String etag) {
    }

    /** A key and when it was last written. */
    public record Listed(String key, Instant lastModified) {
    }
}
