package dev.flotilla.endtoend;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.flotilla.platform.Platform;
import dev.flotilla.platform.Ports;

/**
 * compose's gateway ({@code compose/nginx.conf}) in front of the running local platform, with
 * Debian's nginx: the same file, only its upstreams pointed at the platform's ports (and its listen
 * port and temporary paths moved); then requests a client makes, each routed where the platform's
 * gateway routes it, and what must not pass refused.
 */
final class ComposeNginxCheck {

    private static final String[] SERVICES = {"user-service", "product-service", "order-service", "image-service",
        "analytics-service"};

    private ComposeNginxCheck() {
    }

    /** What went wrong; empty if nothing did. */
    static List<String> problems(Path root, Platform platform, Path work) throws IOException, InterruptedException {
        int port = Ports.free().gateway();
        String configuration = Files.readString(root.resolve("compose/nginx.conf"));
        for (String service : SERVICES) {
            configuration = configuration.replaceAll("http://" + service + ":\\d+", "http://127.0.0.1:" + platform.port(service));
        }
        configuration = configuration.replaceAll("(?m)^\\s*resolver .*$", "")
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
                .replace("/tmp/", work.toAbsolutePath() + "/");
        Files.createDirectories(work);
        Path file = work.resolve("nginx.conf");
        Files.writeString(file, configuration);
        Process nginx = new ProcessBuilder("nginx", "-p", work.toString(), "-c", file.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(work.resolve("nginx.log").toFile()).start();
        List<String> problems = new ArrayList<>();
        try {
            if (!listening(port, nginx)) {
                return List.of("nginx did not start with compose/nginx.conf: " + Files.readString(work.resolve("nginx.log")));
            }
            ShopClient client = new ShopClient("http://127.0.0.1:" + port, null);
            client.login(Platform.ADMIN_EMAIL, platform.adminPassword());
            expect(problems, "GET /api/categories", client.get("/api/categories"), 200, "\"slug\"");
            expect(problems, "GET /api/products?size=1", client.get("/api/products?size=1"), 200, "\"items\"");
            expect(problems, "GET /api/orders", client.get("/api/orders"), 200, "\"items\"");
            expect(problems, "GET /api/cart", client.get("/api/cart"), 200, "\"lines\"");
            expect(problems, "GET /api/analytics/live", client.get("/api/analytics/live"), 200, "\"orders\"");
            expect(problems, "GET /api/reference/countries", client.get("/api/reference/countries"), 200, "DE");
            expect(problems, "GET /.well-known/jwks.json", client.get("/.well-known/jwks.json"), 200, "\"keys\"");
            expect(problems, "GET /", client.get("/"), 200, "<html");
            ShopClient.Answer stock = client.get("/api/stock/reservations/order-1");
            expect(problems, "GET /api/stock/reservations/order-1 (not routed)", stock, 404, "no route");
            ShopClient.Answer tooLarge = client.send(client.request("/api/images").header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[12 * 1024 * 1024])));
            expect(problems, "POST /api/images with 12 MB", tooLarge, 413, "");
            ShopClient.Answer image = client.post("/api/images", Map.of());
            if (image.status() == 404 || image.status() == 413) {
                problems.add("POST /api/images was not routed to image-service: " + image);
            }
        } finally {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
        return problems;
    }

    private static void expect(List<String> problems, String request, ShopClient.Answer answer, int status, String body) {
        if (answer.status() != status || !answer.body().contains(body)) {
            problems.add("through compose's nginx, " + request + " answered " + answer + " (expected " + status + ")");
        }
    }

    private static boolean listening(int port, Process nginx) throws InterruptedException {
        for (int attempt = 0; attempt < 50 && nginx.isAlive(); attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        return false;
    }
}
