package dev.flotilla.image.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import dev.flotilla.image.image.ImageFormat;

/**
 * What an upload is, from its bytes alone: the format by its signature, then width and height from
 * the header through the format's reader, which reads the header and nothing else. No pixel is
 * decoded here, so a file declaring 100,000 x 100,000 pixels costs a few bytes of reading.
 */
final class ImageInspector {

    private ImageInspector() {
    }

    record Inspection(ImageFormat format, int width, int height) {
    }

    /** @throws UploadRejectedException when the content is no accepted image, unreadable or too large */
    static Inspection inspect(InputStreamSource file, long maxPixels) throws IOException {
        ImageFormat format;
        try (InputStream in = file.open()) {
            byte[] head = new byte[ImageFormat.SIGNATURE_LENGTH];
            int length = in.readNBytes(head, 0, head.length);
            format = ImageFormat.sniff(head, length).orElseThrow(UploadRejectedException::notAnImage);
        }
        int width;
        int height;
        try (InputStream in = file.open(); ImageInputStream images = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.contentType());
            if (!readers.hasNext()) {
                throw UploadRejectedException.notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(images, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw UploadRejectedException.unreadable(format.name());
            } finally {
                reader.dispose();
            }
        }
        if (width <= 0 || height <= 0) {
            throw UploadRejectedException.unreadable(format.name());
        }
        if ((long) width * height > maxPixels) {
            throw UploadRejectedException.tooManyPixels(width, height, maxPixels);
        }
        return new Inspection(format, width, height);
    }

    /** Where the bytes can be read from, more than once. */
    @FunctionalInterface
    interface InputStreamSource {
        InputStream open() throws IOException;
    }
}
