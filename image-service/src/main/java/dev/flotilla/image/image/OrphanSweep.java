package dev.flotilla.image.image;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.flotilla.image.storage.ObjectStorage;
import dev.flotilla.image.storage.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the objects of images nobody knows: no record in this instance's file and no manifest in
 * the bucket, and none of their objects newer than {@code orphan-age}. They come from a process that
 * died between storing an original and committing its record, a deletion interrupted after its
 * commit, or an instance whose pod-local file was lost with images still in its queue. It also
 * forgets READY records whose manifest is gone: those images were deleted through another instance.
 */
@Component
public class OrphanSweep {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

    private final ObjectStorage storage;
    private final Images images;
    private final SweepProperties properties;
    private final Clock clock;

    OrphanSweep(ObjectStorage storage, Images images, SweepProperties properties, Clock clock) {
        this.storage = storage;
        this.images = images;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${flotilla.image.sweep.interval:10m}", fixedDelayString = "${flotilla.image.sweep.interval:10m}")
    void scheduled() {
        try {
            sweep();
        } catch (StorageUnavailableException e) {
            log.warn("The orphan sweep was skipped: {}", e.getMessage());
        }
    }

    private int forgetDeletedElsewhere(Map<String, List<ObjectStorage.Listed>> byImage, Instant cutoff) {
        List<String> gone = images.readyBefore(cutoff.toEpochMilli()).stream()
                .filter(id -> byImage.getOrDefault(id, List.of()).stream()
                        .noneMatch(object -> object.key().equals(ImageKeys.manifest(id))))
                .toList();
        images.deleteAllById(gone);
        return gone.size();
    }

    /** Sweeps once; returns the number of objects deleted. */
    public int sweep() {
        Instant cutoff = clock.instant().minus(properties.orphanAge());
        Map<String, List<ObjectStorage.Listed>> byImage = storage.list(ImageKeys.ROOT).stream()
                .filter(object -> ImageKeys.imageId(object.key()) != null)
                .collect(Collectors.groupingBy(object -> ImageKeys.imageId(object.key())));
        Set<String> known = new HashSet<>(images.findAllById(byImage.keySet()).stream().map(Image::id).toList());
        int deleted = 0;
        for (Map.Entry<String, List<ObjectStorage.Listed>> image : byImage.entrySet()) {
            List<ObjectStorage.Listed> objects = image.getValue();
            boolean orphan = !known.contains(image.getKey())
                    && objects.stream().noneMatch(object -> object.key().equals(ImageKeys.manifest(image.getKey())))
                    && objects.stream().allMatch(object -> object.lastModified().isBefore(cutoff));
            if (orphan) {
                storage.delete(objects.stream().map(ObjectStorage.Listed::key).toList());
                deleted += objects.size();
            }
        }
        int forgotten = forgetDeletedElsewhere(byImage, cutoff);
        if (deleted > 0 || forgotten > 0) {
            log.info("The orphan sweep deleted {} objects and forgot {} images deleted elsewhere", deleted, forgotten);
        }
        return deleted;
    }
}
