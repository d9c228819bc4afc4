package dev.flotilla.image.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import dev.flotilla.image.ImageApi;
import dev.flotilla.image.ImageApi.User;
import dev.flotilla.image.ImageServiceTest;
import dev.flotilla.image.TestImages;
import dev.flotilla.image.storage.ObjectStorage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The sweep removes what a crash between storing an original and committing its record leaves
 * behind, and nothing that is still someone's: images known here, and READY images with a manifest
 * that another instance (or a lost pod-local file) recorded.
 */
@ImageServiceTest
@TestPropertySource(properties = {"flotilla.image.sweep.orphan-age=0s", "flotilla.image.sweep.interval=1h"})
class OrphanSweepTests {

    @LocalServerPort
    int port;
    @Autowired
    OrphanSweep sweep;
    @Autowired
    ObjectStorage storage;
    @Autowired
    Images images;

    @Test
    void objectsWithoutRecordOrManifestAreDeletedAndEverythingElseIsKept() throws Exception {
        ImageApi api = new ImageApi(port);
        User user = ImageApi.newCustomer();
        String known = api.accepted(user, TestImages.jpeg(60, 40));
        api.awaitProcessed(user, known);
        String crashed = UUID.randomUUID().toString();
        storage.put(Variant.ORIGINAL.key(crashed), TestImages.jpeg(10, 10), "image/jpeg", Map.of());
        String elsewhere = UUID.randomUUID().toString();
        storage.put(Variant.THUMBNAIL.key(elsewhere), TestImages.jpeg(10, 10), "image/jpeg", Map.of());
        storage.put(ImageKeys.manifest(elsewhere), "{}".getBytes(), "application/json", Map.of());
        Thread.sleep(1100);

        int deleted = sweep.sweep();

        assertThat(deleted).isEqualTo(1);
        assertThat(storage.list(ImageKeys.prefix(crashed))).isEmpty();
        assertThat(storage.list(ImageKeys.prefix(known))).hasSize(4);
        assertThat(storage.list(ImageKeys.prefix(elsewhere))).hasSize(2);
    }

    @Test
    void aReadyImageDeletedThroughAnotherInstanceIsForgottenHere() throws Exception {
        ImageApi api = new ImageApi(port);
        User user = ImageApi.newCustomer();
        String id = api.accepted(user, TestImages.jpeg(60, 40));
        api.awaitProcessed(user, id);
        storage.deletePrefix(ImageKeys.prefix(id));
        Thread.sleep(1100);

        sweep.sweep();

        assertThat(images.existsById(id)).isFalse();
        assertThat(api.image(user, id).statusCode()).isEqualTo(404);
    }

    @Test
    void aReadyImageIsServedFromItsManifestWhenThisInstanceHasNoRecordOfIt() {
        ImageApi api = new ImageApi(port);
        User user = ImageApi.newCustomer();
        String id = api.accepted(user, TestImages.jpeg(300, 150));
        api.awaitProcessed(user, id);

        images.deleteById(id);

        assertThat(ImageApi.json(api.image(user, id).body()).get("status").asString()).isEqualTo("READY");
        assertThat(api.variant(id, "medium", null).statusCode()).isEqualTo(200);
        assertThat(api.image(ImageApi.newCustomer(), id).statusCode()).isEqualTo(404);
        assertThat(api.delete(user, id).statusCode()).isEqualTo(204);
        assertThat(storage.list(ImageKeys.prefix(id))).isEmpty();
    }
}
