package dev.flotilla.platform;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.imageio.ImageIO;

import tools.jackson.databind.JsonNode;

/**
 * Pictures for some of the demo products, drawn in memory (a tile in the product's colour with its
 * name) and given to image-service as any client would: one multipart upload each, then the image's
 * status polled until the workers have made its variants, for a bounded time.
 */
final class DemoImages {

    static final int WIDTH = 800;
    static final int HEIGHT = 600;
    private static final Duration POLL = Duration.ofMillis(200);

    /** One picture: {@code format} is the ImageIO format name, {@code png} or {@code jpeg}. */
    record Tile(String title, Color colour, String format) {

        String fileName() {
            return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + (format.equals("png") ? ".png" : ".jpg");
        }

        String contentType() {
            return "image/" + format;
        }
    }

    static final List<Tile> TILES = List.of(
            new Tile("The Dispossessed", new Color(0x2E5E8C), "png"),
            new Tile("Quiet Commute Headphones", new Color(0x3A3A3A), "jpeg"),
            new Tile("Long Run Trainers", new Color(0xE8731A), "png"));

    private final JsonHttp http;
    private final String imageService;
    private final Duration readyWait;

    DemoImages(JsonHttp http, String imageService, Duration readyWait) {
        this.http = http;
        this.imageService = imageService;
        this.readyWait = readyWait;
    }

    /**
     * Uploads every tile, then waits until all are READY; returns their thumbnails' URLs.
     *
     * @throws IOException if an upload is refused, an image FAILED, or not all are READY in time
     */
    List<String> upload(String token) throws IOException, InterruptedException {
        List<String> statusUrls = new ArrayList<>();
        for (Tile tile : TILES) {
            HttpRequest.Builder request = http.request(imageService + "/api/images", token);
            statusUrls.add(imageService + http.send(multipart(request, tile), 202).get("statusUrl").asString());
        }
        long deadline = System.nanoTime() + readyWait.toNanos();
        List<String> thumbnails = new ArrayList<>();
        for (String statusUrl : statusUrls) {
            thumbnails.add(imageService + awaitReady(statusUrl, token, deadline).get("variants").get("thumbnail")
                    .get("url").asString());
        }
        return thumbnails;
    }

    private JsonNode awaitReady(String statusUrl, String token, long deadline) throws IOException, InterruptedException {
        while (true) {
            JsonNode image = http.get(statusUrl, token, 200);
            String status = image.get("status").asString();
            if (status.equals("READY")) {
                return image;
            }
            if (status.equals("FAILED")) {
                throw new IOException("demo image " + statusUrl + " FAILED: " + image.path("failureReason").asString());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("demo image %s still %s after %.1f s".formatted(statusUrl, status,
                        readyWait.toMillis() / 1000.0));
            }
            Thread.sleep(POLL);
        }
    }

    /** {@code multipart/form-data} with the one part {@code file}, as a browser's file input sends it. */
    static HttpRequest.Builder multipart(HttpRequest.Builder request, Tile tile) throws IOException {
        String boundary = "flotilla-demo-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + tile.fileName()
                + "\"\r\nContent-Type: " + tile.contentType() + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head.getBytes(StandardCharsets.US_ASCII),
                        draw(tile), tail.getBytes(StandardCharsets.US_ASCII))));
    }

    /** The tile as PNG or JPEG bytes: the product's colour, a lighter band, its name in white. */
    static byte[] draw(Tile tile) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setColor(tile.colour());
            graphics.fillRect(0, 0, WIDTH, HEIGHT);
            graphics.setColor(tile.colour().brighter());
            graphics.fillRoundRect(WIDTH / 10, HEIGHT / 3, WIDTH * 8 / 10, HEIGHT / 3, 40, 40);
            drawTitle(graphics, tile.title());
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, tile.format(), bytes)) {
            throw new IOException("this JDK has no ImageIO writer for " + tile.format());
        }
        return bytes.toByteArray();
    }

    private static void drawTitle(Graphics2D graphics, String title) {
        try {
            graphics.setColor(Color.WHITE);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            FontMetrics metrics = graphics.getFontMetrics();
            graphics.drawString(title, (WIDTH - metrics.stringWidth(title)) / 2,
                    (HEIGHT - metrics.getHeight()) / 2 + metrics.getAscent());
        } catch (RuntimeException | InternalError noFonts) {
            // A headless machine without any font: the tile without its name is still a demo picture.
        }
    }
}
