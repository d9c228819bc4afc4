package dev.flotilla.image.benchmark;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A generated JPEG of a camera's shape (4:3) standing in for a photo: smooth gradients and waves with
 * per-pixel noise from a fixed seed, at quality 0.9, so that its size per pixel is near a phone's
 * (about 0.3 bytes) rather than a flat colour's, and the same on every run.
 *
 * @param megapixels the nominal size (1, 4, 12...); the image has about that many pixels
 */
record SamplePhoto(int megapixels, int width, int height, byte[] jpeg) {

    private static final long SEED = 20_240_601L;
    private static final int NOISE = 12;
    private static final float QUALITY = 0.9f;

    /** A photo of about {@code megapixels} million pixels, 4:3 (1152 x 864, 2304 x 1728, 4000 x 3000...). */
    static SamplePhoto of(int megapixels) {
        int width = (int) Math.round(Math.sqrt(megapixels * 1e6 * 4 / 3) / 16) * 16;
        int height = width * 3 / 4;
        return new SamplePhoto(megapixels, width, height, encode(draw(width, height)));
    }

    double actualMegapixels() {
        return width * (double) height / 1e6;
    }

    private static BufferedImage draw(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        SplittableRandom noise = new SplittableRandom(SEED);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            double v = (double) y / height;
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double wave = Math.sin(u * 23 + Math.cos(v * 7) * 3) * Math.cos(v * 17);
                int red = channel(255 * u * 0.8 + 30 * wave, noise);
                int green = channel(255 * v * 0.7 + 40 * Math.sin(u * v * 60), noise);
                int blue = channel(128 + 90 * wave * (1 - u), noise);
                row[x] = red << 16 | green << 8 | blue;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static int channel(double value, SplittableRandom noise) {
        return Math.clamp((int) value + noise.nextInt(-NOISE, NOISE + 1), 0, 255);
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
