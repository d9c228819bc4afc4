package dev.flotilla.image.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.awt.image.BufferedImage;
import java.io.IOException;

import dev.flotilla.image.TestImages;
import dev.flotilla.image.image.ImageFormat;
import dev.flotilla.image.job.PermanentJobFailure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RendererTests {

    @Test
    void renditionsKeepTheAspectRatioAndAreNeverEnlarged() throws Exception {
        BufferedImage decoded = Renderer.decode(TestImages.jpeg(1200, 800), ImageFormat.JPEG, 40_000_000);

        Rendition thumbnail = Renderer.render(decoded, 128);
        Rendition small = Renderer.render(Renderer.decode(TestImages.jpeg(100, 50), ImageFormat.JPEG, 40_000_000), 512);

        assertThat(thumbnail.width()).isEqualTo(128);
        assertThat(thumbnail.height()).isEqualTo(85);
        assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
        assertThat(TestImages.decode(thumbnail.bytes()).getWidth()).isEqualTo(128);
        assertThat(small.width()).isEqualTo(100);
        assertThat(small.height()).isEqualTo(50);
    }

    @Test
    void nothingOfTheOriginalsMetadataReachesARendition() throws Exception {
        byte[] original = TestImages.jpegWithOrientation(300, 200, 6);
        assertThat(new String(original, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("Exif");

        Rendition rendition = Renderer.render(Renderer.decode(original, ImageFormat.JPEG, 40_000_000), 128);

        assertThat(new String(rendition.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        assertThat(ExifOrientation.of(rendition.bytes())).isEqualTo(ExifOrientation.NORMAL);
    }

    @Test
    void transparencyIsKeptAsPng() throws Exception {
        Rendition rendition = Renderer.render(Renderer.decode(TestImages.png(600, 300, true), ImageFormat.PNG, 40_000_000), 128);

        assertThat(rendition.contentType()).isEqualTo("image/png");
        assertThat(TestImages.decode(rendition.bytes()).getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void largeOriginalsAreSubsampledWhileDecoding() throws Exception {
        BufferedImage large = Renderer.decode(TestImages.jpeg(5000, 2500), ImageFormat.JPEG, 40_000_000);
        BufferedImage justAbove = Renderer.decode(TestImages.jpeg(4000, 3000), ImageFormat.JPEG, 40_000_000);

        assertThat(large.getWidth()).isLessThanOrEqualTo(Renderer.DECODE_SIDE).isGreaterThanOrEqualTo(Renderer.DECODE_SIDE / 2);
        assertThat(justAbove.getWidth()).isEqualTo(2000);
    }

    @Test
    void aTruncatedImageIsAPermanentFailure() {
        byte[] jpeg = TestImages.jpeg(400, 400);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, 200);

        assertThatExceptionOfType(PermanentJobFailure.class)
                .isThrownBy(() -> Renderer.decode(truncated, ImageFormat.PNG, 40_000_000));
    }

    /** The picture's red quarter starts top-left; after applying the orientation it must be where the camera saw it. */
    @ParameterizedTest
    @CsvSource({"1, 200, 100, 0, 0", "2, 200, 100, 199, 0", "3, 200, 100, 199, 99", "4, 200, 100, 0, 99",
            "5, 100, 200, 0, 0", "6, 100, 200, 99, 0", "7, 100, 200, 99, 199", "8, 100, 200, 0, 199"})
    void theExifOrientationIsApplied(int orientation, int width, int height, int redX, int redY) throws Exception {
        BufferedImage upright = Renderer.decode(TestImages.jpegWithOrientation(200, 100, orientation), ImageFormat.JPEG,
                40_000_000);

        assertThat(upright.getWidth()).isEqualTo(width);
        assertThat(upright.getHeight()).isEqualTo(height);
        assertThat(isRed(upright.getRGB(redX, redY))).as("red at %d,%d", redX, redY).isTrue();
        assertThat(isRed(upright.getRGB(width - 1 - redX, height - 1 - redY))).isFalse();
    }

    @Test
    void theOrientationOfAMalformedExifSegmentIsIgnored() throws IOException {
        byte[] brokenExif = TestImages.jpegWithOrientation(20, 10, 6);
        brokenExif[6] = 'X';
        byte[] badByteOrder = TestImages.jpegWithOrientation(20, 10, 6);
        badByteOrder[12] = 'Q';

        assertThat(ExifOrientation.of(TestImages.jpegWithOrientation(20, 10, 6))).isEqualTo(6);
        assertThat(ExifOrientation.of(brokenExif)).isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.of(badByteOrder)).isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F, 0x7F})).isEqualTo(1);
    }

    private static boolean isRed(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return r > 200 && g < 60 && b < 60;
    }
}
