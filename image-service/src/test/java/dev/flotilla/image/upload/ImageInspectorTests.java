package dev.flotilla.image.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import dev.flotilla.image.TestImages;
import dev.flotilla.image.image.ImageFormat;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ImageInspectorTests {

    private static final long MAX_PIXELS = 40_000_000;

    @Test
    void everyFormatIsRecognisedFromItsBytesWithItsSize() throws IOException {
        assertThat(inspect(TestImages.jpeg(300, 200))).isEqualTo(new ImageInspector.Inspection(ImageFormat.JPEG, 300, 200));
        assertThat(inspect(TestImages.png(30, 20, true))).isEqualTo(new ImageInspector.Inspection(ImageFormat.PNG, 30, 20));
        assertThat(inspect(TestImages.gif(17, 9))).isEqualTo(new ImageInspector.Inspection(ImageFormat.GIF, 17, 9));
        assertThat(inspect(TestImages.WEBP)).isEqualTo(new ImageInspector.Inspection(ImageFormat.WEBP, 1, 1));
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderAfterReadingAFewBytes() {
        byte[] bomb = TestImages.pngDeclaring(100_000, 100_000);
        AtomicLong read = new AtomicLong();

        assertThatExceptionOfType(UploadRejectedException.class)
                .isThrownBy(() -> ImageInspector.inspect(() -> counting(bomb, read), MAX_PIXELS))
                .satisfies(e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.getBody().getProperties()).containsEntry("width", 100_000).containsEntry("maxPixels", MAX_PIXELS);
                });
        // 10^10 pixels would need 30 GB decoded; the header is all that was read.
        assertThat(read.get()).isLessThanOrEqualTo(bomb.length * 2L).isLessThan(200);
    }

    @Test
    void contentThatIsNoImageIsRefusedWhateverItClaims() {
        assertThatExceptionOfType(UploadRejectedException.class)
                .isThrownBy(() -> inspect("%PDF-1.7 not a photo".getBytes()))
                .satisfies(e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        assertThatExceptionOfType(UploadRejectedException.class).isThrownBy(() -> inspect(new byte[0]));
        assertThatExceptionOfType(UploadRejectedException.class).isThrownBy(() -> inspect(new byte[] {(byte) 0xFF}));
    }

    @Test
    void aKnownSignatureWithABrokenHeaderIsUnprocessable() {
        byte[] brokenPng = new byte[64];
        System.arraycopy(TestImages.png(4, 4, false), 0, brokenPng, 0, 12);

        assertThatExceptionOfType(UploadRejectedException.class)
                .isThrownBy(() -> inspect(brokenPng))
                .satisfies(e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
        byte[] truncatedJpeg = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'};
        assertThatExceptionOfType(UploadRejectedException.class).isThrownBy(() -> inspect(truncatedJpeg));
    }

    private static ImageInspector.Inspection inspect(byte[] bytes) throws IOException {
        return ImageInspector.inspect(() -> new ByteArrayInputStream(bytes), MAX_PIXELS);
    }

    private static InputStream counting(byte[] bytes, AtomicLong read) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    read.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }
        };
    }
}
