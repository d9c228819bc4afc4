package dev.flotilla.image.processing;

import static org.assertj.core.api.Assertions.assertThat;


import java.util.List;
import java.util.Random;

import dev.flotilla.image.TestImages;
import dev.flotilla.image.image.ImageFormat;
import dev.flotilla.image.job.PermanentJobFailure;
import org.junit.jupiter.api.Test;

/**
 * Thousands of damaged images (bytes flipped, runs overwritten, files cut short) through the EXIF
 * reader and the decoder: each either works or fails as a permanent job failure, never with any
 * other exception, so that a hostile upload can fail its own job and nothing else.
 */
class HostileImagesTests {

    private static final int MUTATIONS = 400;

    @Test
    void damagedImagesFailTheirJobAndNothingElse() {
        Random random = new Random(20261202);
        List<byte[]> originals = List.of(TestImages.jpegWithOrientation(64, 48, 6), TestImages.png(64, 48, true),
                TestImages.gif(64, 48), TestImages.WEBP);
        List<ImageFormat> formats = List.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.GIF, ImageFormat.WEBP);
        int failed = 0;
        for (int i = 0; i < originals.size(); i++) {
            for (int n = 0; n < MUTATIONS; n++) {
                byte[] damaged = damage(originals.get(i), random);
                int orientation = ExifOrientation.of(damaged);
                assertThat(orientation).isBetween(1, 8);
                try {
                    Renderer.decode(damaged, formats.get(i), 40_000_000);
                } catch (PermanentJobFailure expected) {
                    failed++;
                }
            }
        }
        assertThat(failed).as("most damaged images cannot be decoded").isPositive();
    }

    private static byte[] damage(byte[] original, Random random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            case 1 -> {
                int from = random.nextInt(bytes.length);
                int length = Math.min(bytes.length - from, 1 + random.nextInt(32));
                byte value = (byte) (random.nextBoolean() ? 0xFF : random.nextInt(256));
                java.util.Arrays.fill(bytes, from, from + length, value);
            }
            default -> bytes = java.util.Arrays.copyOf(bytes, Math.max(4, random.nextInt(bytes.length)));
        }
        return bytes;
    }

}
