package dev.flotilla.image.processing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import dev.flotilla.image.image.Image;
import dev.flotilla.image.image.ImageFormat;
import dev.flotilla.image.image.ImageKeys;
import dev.flotilla.image.image.ImageLocks;
import dev.flotilla.image.image.ImageRecords;
import dev.flotilla.image.image.ImageView;
import dev.flotilla.image.image.Images;
import dev.flotilla.image.image.Variant;
import dev.flotilla.image.image.VariantFile;
import dev.flotilla.image.job.ClaimedJob;
import dev.flotilla.image.job.JobHandler;
import dev.flotilla.image.job.JobProperties;
import dev.flotilla.image.job.JobQueue;
import dev.flotilla.image.job.PermanentJobFailure;
import dev.flotilla.image.storage.ObjectStorage;
import dev.flotilla.image.upload.UploadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The resize job of an image: read the original from the bucket, decode it once, draw the thumbnail
 * and the medium rendition, upload them and the manifest, then in one transaction mark the image
 * READY and remove the job. Nothing holds the database connection while the store or the decoder
 * works. A worker that lost its lease meanwhile changes nothing; one whose image was deleted meanwhile
 * removes what it uploaded (the deletion and this last step take the image's {@link ImageLocks lock}).
 */
@Component
class ImageJobs implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(ImageJobs.class);
    private static final List<Variant> RENDERED = List.of(Variant.THUMBNAIL, Variant.MEDIUM);

    private final Images images;
    private final JobQueue queue;
    private final ObjectStorage storage;
    private final ImageRecords records;
    private final TransactionTemplate transaction;
    private final JobProperties jobs;
    private final UploadProperties uploads;
    private final Clock clock;
    private final ImageLocks locks;

    ImageJobs(Images images, JobQueue queue, ObjectStorage storage, ImageRecords records, TransactionTemplate transaction,
            JobProperties jobs, UploadProperties uploads, Clock clock, ImageLocks locks) {
        this.images = images;
        this.queue = queue;
        this.storage = storage;
        this.records = records;
        this.transaction = transaction;
        this.jobs = jobs;
        this.uploads = uploads;
        this.clock = clock;
        this.locks = locks;
    }

    @Override
    public void process(ClaimedJob job) throws Exception {
        Optional<Image> started = transaction.execute(status -> images.findById(job.imageId()).map(image -> {
            image.processing(clock.instant());
            return image;
        }));
        if (started == null || started.isEmpty()) {
            return;
        }
        Image image = started.get();
        ObjectStorage.Tagged original = storage.readTagged(Variant.ORIGINAL.key(image.id()))
                .orElseThrow(() -> new PermanentJobFailure("the original is missing from the image store", null));
        BufferedImage decoded = Renderer.decode(original.bytes(), ImageFormat.valueOf(image.format()), uploads.maxPixels());
        List<VariantFile> files = new ArrayList<>();
        // The store's ETag: hashing megabytes again here would cost more than decoding them with C1 only.
        files.add(new VariantFile(Variant.ORIGINAL, ImageFormat.valueOf(image.format()).contentType(), image.width(),
                image.height(), original.bytes().length, original.etag()));
        for (Variant variant : RENDERED) {
            interruptedCheck();
            files.add(upload(image.id(), variant, Renderer.render(decoded, variant.maxSide())));
        }
        queue.renew(job, clock.instant(), jobs.lease());
        finish(job, image, files);
    }

    private VariantFile upload(String imageId, Variant variant, Rendition rendition) {
        storage.put(variant.key(imageId), rendition.bytes(), rendition.contentType(), Map.of());
        return new VariantFile(variant, rendition.contentType(), rendition.width(), rendition.height(),
                rendition.bytes().length, Checksums.etag(rendition.bytes()));
    }

    /**
     * Under the image's lock: if the image was deleted meanwhile, removes what this job uploaded;
     * otherwise writes the manifest, then records READY (unless the lease was lost meanwhile, when
     * another worker's result will take its place).
     */
    private void finish(ClaimedJob job, Image processed, List<VariantFile> files) {
        Instant now = clock.instant();
        processed.ready(files, now);
        locks.withLock(job.imageId(), () -> {
            if (!images.existsById(job.imageId())) {
                storage.deletePrefix(ImageKeys.prefix(job.imageId()));
                return null;
            }
            storage.put(ImageKeys.manifest(processed.id()), records.manifest(ImageView.of(processed)), "application/json",
                    Map.of());
            transaction.executeWithoutResult(status -> {
                Optional<Image> image = images.findById(job.imageId());
                if (image.isPresent() && queue.complete(job)) {
                    image.get().ready(files, now);
                } else {
                    log.info("Job {} of image {} was taken over by another worker; its result is discarded", job.id(),
                            job.imageId());
                }
            });
            return null;
        });
    }

    @Override
    public void failed(ClaimedJob job, String reason) {
        log.warn("Image {} FAILED: {}", job.imageId(), reason);
        transaction.executeWithoutResult(status -> {
            if (queue.complete(job)) {
                images.findById(job.imageId()).ifPresent(image -> image.failed(reason, clock.instant()));
            }
        });
    }

    @Override
    public void retrying(ClaimedJob job, String error, Instant next) {
        transaction.executeWithoutResult(status -> {
            if (queue.retryAt(job, error, next)) {
                images.findById(job.imageId()).ifPresent(image -> image.requeued(clock.instant()));
            }
        });
    }

    @Override
    public void released(ClaimedJob job) {
        transaction.executeWithoutResult(status -> {
            if (queue.release(job, clock.instant())) {
                images.findById(job.imageId()).ifPresent(image -> image.requeued(clock.instant()));
            }
        });
    }

    private static void interruptedCheck() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("the worker is stopping");
        }
    }

}
