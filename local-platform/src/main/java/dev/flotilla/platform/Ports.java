package dev.flotilla.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where every process of the local platform listens. The defaults are fixed and documented (the
 * gateway on 8080, the services on 8081-8085, the engines on ports that a PostgreSQL, Redis or MongoDB
 * already installed on the machine does not use); each can be overridden with
 * {@code -Dflotilla.port.<name>=<port>}, e.g. {@code ./run -Dflotilla.port.gateway=9080}.
 */
public record Ports(int gateway, int userService, int productService, int orderService, int imageService,
        int analyticsService, int postgres, int redis, int mongo, int s3) {

    /** The documented defaults. */
    public static final Ports DEFAULTS = new Ports(8080, 8081, 8082, 8083, 8084, 8085, 15432, 16379, 17017, 19000);

    /** The defaults, each overridden by its {@code flotilla.port.<name>} system property if set. */
    public static Ports fromSystemProperties() {
        return DEFAULTS.with(name -> System.getProperty("flotilla.port." + name));
    }

    /** Ports that are free right now, for a platform started beside another one (the end-to-end tests). */
    public static Ports free() {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < DEFAULTS.byName().size(); i++) {
                sockets.add(new ServerSocket(0));
            }
            return of(sockets.stream().map(ServerSocket::getLocalPort).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("no free local ports", e);
        } finally {
            sockets.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Only held to get distinct ports.
                }
            });
        }
    }

    /** Every port by the name its property and the launcher's messages use, services first. */
    public Map<String, Integer> byName() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway", gateway);
        ports.put("user-service", userService);
        ports.put("product-service", productService);
        ports.put("order-service", orderService);
        ports.put("image-service", imageService);
        ports.put("analytics-service", analyticsService);
        ports.put("postgres", postgres);
        ports.put("redis", redis);
        ports.put("mongo", mongo);
        ports.put("s3", s3);
        return ports;
    }

    private Ports with(UnaryOperator<String> override) {
        Map<String, Integer> ports = byName();
        ports.replaceAll((name, port) -> {
            String value = override.apply(name);
            if (value == null || value.isBlank()) {
                return port;
            }
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed < 1 || parsed > 65535) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("flotilla.port." + name + " must be a port number, not " + value);
            }
        });
        return of(List.copyOf(ports.values()));
    }

    /** From the ports in the order of {@link #byName()}. */
    private static Ports of(List<Integer> p) {
        return new Ports(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), p.get(5), p.get(6), p.get(7), p.get(8), p.get(9));
    }

    String url(int port) {
        return "http://localhost:" + port;
    }
}
