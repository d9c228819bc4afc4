package dev.flotilla.image.image;

import java.util.Optional;
import java.util.UUID;

import dev.flotilla.image.storage.ObjectStorage;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds an image: in this instance's SQLite file first, then by the manifest in the bucket, which
 * every READY image has. So another replica, or this one after its pod-local file was lost, still
 * answers for every finished image; images still in the queue are known only to the instance that
 * accepted them.
 */
@Component
public class ImageRecords {

    private final Images images;
    private final ObjectStorage storage;
    private final JsonMapper json;

    ImageRecords(Images images, ObjectStorage storage, JsonMapper json) {
        this.images = images;
        this.storage = storage;
        this.json = json;
    }

    public Optional<ImageView> find(UUID id) {
        Optional<Image> local = images.findById(id.toString());
        if (local.isPresent()) {
            return local.map(ImageView::of);
        }
        return storage.read(ImageKeys.manifest(id.toString())).flatMap(this::manifest);
    }

    /** The manifest of a READY image, to store beside its renditions. */
    public byte[] manifest(ImageView image) {
        return json.writeValueAsBytes(image);
    }

    private Optional<ImageView> manifest(byte[] bytes) {
        try {
            return Optional.of(json.readValue(bytes, ImageView.class));
        } catch (JacksonException e) {
            // A manifest this version cannot read is treated as absent, never as a 500.
            return Optional.empty();
        }
    }
}
