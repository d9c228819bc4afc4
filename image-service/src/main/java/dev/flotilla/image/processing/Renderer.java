package dev.flotilla.image.processing;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import dev.flotilla.image.image.ImageFormat;
import dev.flotilla.image.job.PermanentJobFailure;

/**
 * Decodes an original and draws its renditions. Decoding subsamples large images while reading
 * ({@link ImageReadParam#setSourceSubsampling}), so the decoded raster is at most {@value #DECODE_SIDE}
 * pixels on its longest side (and at least half of it, four times the medium rendition) whatever the
 * original's size: a worker's memory is bounded by that (about 16 MB per raster), not by the upload. The EXIF orientation is applied, and nothing of the original's
 * metadata is written: the renditions are fresh images (JPEG, or PNG when the original has
 * transparency).
 */
final class Renderer {

    static final int DECODE_SIDE = 2048;
    private static final float JPEG_QUALITY = 0.85f;

    private Renderer() {
    }

    /** The original, decoded at a resolution that still serves the largest rendition well, upright. */
    static BufferedImage decode(byte[] original, ImageFormat format, long maxPixels) throws PermanentJobFailure {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.contentType());
            if (!readers.hasNext()) {
                throw new PermanentJobFailure("no reader for " + format + " on this instance", null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new PermanentJobFailure("the image has " + pixels + " pixels, more than " + maxPixels, null);
                }
                int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
                int factor = Math.max(1, (longest + DECODE_SIDE - 1) / DECODE_SIDE);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(factor, factor, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                int orientation = format == ImageFormat.JPEG ? ExifOrientation.of(original) : ExifOrientation.NORMAL;
                return upright(standard(decoded), orientation);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new PermanentJobFailure("the image data cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** The image scaled so that its longest side is at most {@code maxSide}, never enlarged, and encoded. */
    static Rendition render(BufferedImage image, int maxSide) throws IOException {
        double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage scaled = scale(image, width, height);
        boolean alpha = scaled.getColorModel().hasAlpha();
        return new Rendition(alpha ? png(scaled) : jpeg(scaled), alpha ? "image/png" : "image/jpeg", width, height);
    }

    /** Halves in steps while more than twice too large, then one bicubic step: smooth, and cheap. */
    private static BufferedImage scale(BufferedImage image, int width, int height) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getWidth() == width && current.getHeight() == height) {
            return current;
        }
        return draw(current, width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, source.getType());
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** RGB, or ARGB when the image has transparency: the two types the scaler and the writers handle well. */
    private static BufferedImage standard(BufferedImage decoded) {
        // An indexed image (GIF, PNG-8) may have an alpha channel in its palette without using it.
        boolean transparent = decoded.getColorModel().getTransparency() != Transparency.OPAQUE;
        int type = transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (decoded.getType() == type) {
            return decoded;
        }
        BufferedImage converted = new BufferedImage(decoded.getWidth(), decoded.getHeight(), type);
        Graphics2D g = converted.createGraphics();
        try {
            g.drawImage(decoded, 0, 0, null);
        } finally {
            g.dispose();
        }
        return converted;
    }

    /** Applies an EXIF orientation (1 to 8): mirrored and rotated so that the image stands as seen. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= ExifOrientation.NORMAL || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        // x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12, as AffineTransform(m00, m10, m01, m11, m02, m12).
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);     // mirrored horizontally
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);    // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);     // mirrored vertically
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);      // mirrored along the main diagonal
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);     // turned 90 degrees clockwise to stand
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);    // mirrored along the other diagonal
            default -> new AffineTransform(0, -1, 1, 0, 0, w);    // turned 90 degrees anticlockwise to stand
        };
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h, image.getType());
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
