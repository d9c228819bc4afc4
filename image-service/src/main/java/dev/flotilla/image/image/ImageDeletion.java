package dev.flotilla.image.image;

import java.util.List;
import java.util.UUID;

import dev.flotilla.image.storage.ObjectStorage;
import dev.flotilla.image.storage.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes an image everywhere, in an order where every interruption is finished by someone: first
 * the manifest (if the store is down: 503 and nothing changed), then the record and its job, both
 * under the image's lock (a worker still busy with it then finds the record gone and removes what it
 * uploaded, instead of writing a manifest again), then the other objects.
 * Objects left by a failure of that last step have neither record nor manifest, so the orphan sweep
 * removes them.
 */
@Component
class ImageDeletion {

    private static final Logger log = LoggerFactory.getLogger(ImageDeletion.class);

    private final Images images;
    private final ObjectStorage storage;
    private final TransactionTemplate transaction;
    private final ImageLocks locks;

    ImageDeletion(Images images, ObjectStorage storage, TransactionTemplate transaction, ImageLocks locks) {
        this.images = images;
        this.storage = storage;
        this.transaction = transaction;
        this.locks = locks;
    }

    void delete(UUID id) {
        String imageId = id.toString();
        locks.withLock(imageId, () -> {
            storage.delete(List.of(ImageKeys.manifest(imageId)));
            transaction.executeWithoutResult(status -> images.findById(imageId).ifPresent(images::delete));
            return null;
        });
        try {
            storage.deletePrefix(ImageKeys.prefix(imageId));
        } catch (StorageUnavailableException e) {
            log.warn("Objects of deleted image {} stay until the orphan sweep: {}", imageId, e.getMessage());
        }
    }
}
