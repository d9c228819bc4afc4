package dev.flotilla.image.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.flotilla.image.Caller;
import dev.flotilla.image.image.Image;
import dev.flotilla.image.image.ImageView;
import dev.flotilla.image.image.Images;
import dev.flotilla.image.image.Variant;
import dev.flotilla.image.job.JobQueue;
import dev.flotilla.image.job.Workers;
import dev.flotilla.image.storage.ObjectStorage;
import dev.flotilla.image.storage.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Accepts an upload: checks it from its bytes, stores the original, then records the image and
 * queues its job in one transaction. The order makes a lost object impossible to forget: if the
 * process dies after storing the original and before the commit, the object has neither record nor
 * manifest, and the orphan sweep removes it. The queue limit is checked before the upload (cheap
 * refusal) and again inside the transaction, where SQLite's single writer makes the count exact.
 */
@Component
class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    private final Images images;
    private final JobQueue queue;
    private final Workers workers;
    private final ObjectStorage storage;
    private final TransactionTemplate transaction;
    private final UploadProperties properties;
    private final Clock clock;

    Uploads(Images images, JobQueue queue, Workers workers, ObjectStorage storage, TransactionTemplate transaction,
            UploadProperties properties, Clock clock) {
        this.images = images;
        this.queue = queue;
        this.workers = workers;
        this.storage = storage;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    ImageView accept(Caller caller, MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw UploadRejectedException.missingFile();
        }
        if (file.getSize() > properties.maxSize().toBytes()) {
            throw UploadRejectedException.tooLarge(file.getSize(), properties.maxSize().toBytes());
        }
        ImageInspector.Inspection inspection = ImageInspector.inspect(file::getInputStream, properties.maxPixels());
        refuseWhenFull();
        UUID id = UUID.randomUUID();
        String key = Variant.ORIGINAL.key(id.toString());
        storage.put(key, () -> open(file), file.getSize(), inspection.format().contentType());
        Image image;
        try {
            image = transaction.execute(status -> {
                refuseWhenFull();
                Instant now = clock.instant();
                Image queued = images.saveAndFlush(Image.queued(id, caller.userId(), FileNames.sanitise(file.getOriginalFilename()),
                        inspection.format().name(), inspection.width(), inspection.height(), file.getSize(), now));
                // Flushed first: the job's foreign key needs the image row.
                queue.enqueue(queued.id(), now);
                return queued;
            });
        } catch (RuntimeException e) {
            deleteQuietly(key);
            throw e;
        }
        workers.wakeUp();
        return ImageView.of(image);
    }

    private void refuseWhenFull() {
        long pending = queue.pending();
        if (pending >= properties.maxPendingJobs()) {
            throw UploadRejectedException.queueFull(pending);
        }
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(List.of(key));
        } catch (StorageUnavailableException e) {
            log.warn("The original {} of a refused upload stays until the orphan sweep: {}", key, e.getMessage());
        }
    }

    private static java.io.InputStream open(MultipartFile file) {
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file cannot be read again", e);
        }
    }
}
