package dev.flotilla.order.catalogue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * product-service and user-service's token endpoint as far as order-service uses them, over real HTTP
 * on loopback: products by id, reservations, {@code POST /oauth2/token} (client credentials). A test
 * scripts the next answers of a path (a status, a body, or no answer at all) and reads what was sent.
 */
public final class StubProductService implements AutoCloseable {

    public static final String TOKEN_PATH = "/oauth2/token";

    /** One request as received. */
    public record Seen(String method, String path, @Nullable String authorization, @Nullable String traceparent,
            String body) {
    }

    /** {@code hang}: no answer at all; {@code breakOff}: the answer's headers and half its body, then nothing more. */
    private record Scripted(String pathPrefix, int status, String body, Map<String, String> headers, boolean hang,
            boolean breakOff) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, String> products = new ConcurrentHashMap<>();
    private final Queue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile long tokenLifetimeSeconds = 300;

    private StubProductService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubProductService start() {
        try {
            return new StubProductService();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stub product-service", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String tokenUri() {
        return baseUrl() + TOKEN_PATH;
    }

    /** An active product; the id is returned as given. */
    public String product(String id, String name, String amount, String currency) {
        return product(id, name, amount, currency, "ACTIVE");
    }

    public String product(String id, String name, String amount, String currency, String status) {
        products.put(id.toLowerCase(Locale.ROOT), """
                {"id":"%s","sku":"SKU-%s","name":"%s","description":"d","category":"books",
                 "price":{"amount":"%s","currency":"%s"},"attributes":{},"imageIds":[],"availableStock":7,
                 "reservedStock":0,"inStock":true,"status":"%s","version":1,
                 "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}"""
                .formatted(id.toLowerCase(Locale.ROOT), id.substring(0, 6), name, amount, currency, status));
        return id;
    }

    /** The next request to a path under {@code pathPrefix} gets this answer. */
    public void answerNext(String pathPrefix, int status, String body, Map<String, String> headers) {
        scripted.add(new Scripted(pathPrefix, status, body, headers, false, false));
    }

    public void answerNext(String pathPrefix, int status) {
        answerNext(pathPrefix, status, "{\"status\":" + status + "}", Map.of());
    }

    /** The next {@code times} requests under {@code pathPrefix} get no answer until the stub closes. */
    public void hang(String pathPrefix, int times) {
        for (int i = 0; i < times; i++) {
            scripted.add(new Scripted(pathPrefix, 0, "", Map.of(), true, false));
        }
    }

    /**
     * The next request under {@code pathPrefix} gets the answer it would get, cut off: its status,
     * headers and half its body, then nothing until the stub closes (a server that died or stalled
     * while it answered).
     */
    public void breakOffNext(String pathPrefix) {
        scripted.add(new Scripted(pathPrefix, 0, "", Map.of(), false, true));
    }

    public void tokenLifetime(long seconds) {
        tokenLifetimeSeconds = seconds;
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** The requests received under a path, token requests included when asked for. */
    public List<Seen> requests(String pathPrefix) {
        return seen.stream().filter(request -> request.path().startsWith(pathPrefix)).toList();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("traceparent"), body));
        Scripted next = nextScripted(path);
        if (next != null && next.hang()) {
            awaitClosing();
            exchange.close();
        } else if (next != null && next.breakOff()) {
            answer(exchange, path, body, true);
        } else if (next != null) {
            send(exchange, next.status(), next.body(), next.headers());
        } else {
            answer(exchange, path, body, false);
        }
    }

    private @Nullable Scripted nextScripted(String path) {
        for (Scripted candidate : scripted) {
            if (path.startsWith(candidate.pathPrefix()) && scripted.remove(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private void answer(HttpExchange exchange, String path, String body, boolean breakOff) throws IOException {
        String method = exchange.getRequestMethod();

        if (path.equals(TOKEN_PATH)) {
            int n = tokensIssued.incrementAndGet();
            send(exchange, breakOff, 200, "{\"access_token\":\"token-%d\",\"token_type\":\"Bearer\",\"expires_in\":%d}"
                    .formatted(n, tokenLifetimeSeconds), Map.of());
        } else if (path.startsWith("/api/products/") && method.equals("GET")) {
            String product = products.get(path.substring("/api/products/".length()));
            send(exchange, breakOff, product == null ? 404 : 200, product == null ? "{\"status\":404}" : product, Map.of());
        } else if (path.equals("/api/stock/reservations") && method.equals("POST")) {
            String id = body.replaceAll(".*\"reservationId\":\"([^\"]+)\".*", "$1");
            send(exchange, breakOff, 201, "{\"reservationId\":\"%s\",\"status\":\"RESERVED\",\"lines\":[],\"expiresAt\":\"%s\",\"shortages\":[]}"
                    .formatted(id, Instant.now().plusSeconds(900)), Map.of());
        } else if (path.endsWith("/confirm")) {
            send(exchange, breakOff, 200, "{\"status\":\"CONFIRMED\"}", Map.of());
        } else if (method.equals("DELETE")) {
            send(exchange, breakOff, 204, "", Map.of());
        } else {
            send(exchange, breakOff, 404, "{\"status\":404}", Map.of());
        }
    }

    private void awaitClosing() {
        try {
            closing.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        send(exchange, false, status, body, headers);
    }

    private void send(HttpExchange exchange, boolean breakOff, int status, String body, Map<String, String> headers)
            throws IOException {
        if (breakOff) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
            exchange.getResponseBody().flush();
            awaitClosing();
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean problem = status >= 400 && !exchange.getRequestURI().getPath().equals(TOKEN_PATH);
        exchange.getResponseHeaders().set("Content-Type", problem ? "application/problem+json" : "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (status != 204 && bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
