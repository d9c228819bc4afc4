package dev.flotilla.web.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthProbeTests {

    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(HealthProbe.DEFAULT_PATH, exchange -> {
            byte[] body = "{\"status\":\"x\"}".getBytes();
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void healthyOnlyWhenTheReadinessGroupAnswers200() {
        int port = server.getAddress().getPort();
        assertThat(HealthProbe.healthy(port, HealthProbe.DEFAULT_PATH)).isTrue();
        status.set(503);
        assertThat(HealthProbe.healthy(port, HealthProbe.DEFAULT_PATH)).isFalse();
        assertThat(HealthProbe.healthy(port, "/actuator/health/unknown")).isFalse();
    }

    @Test
    void notHealthyWhenNothingListens() throws IOException {
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        assertThat(HealthProbe.healthy(free, HealthProbe.DEFAULT_PATH)).isFalse();
    }
}
