package dev.flotilla.product;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.flotilla.testing.RedisEngine;
import dev.flotilla.testing.SharedEngines;
import dev.flotilla.testing.TestJwtIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The whole application started the way {@code main} starts it, then closed the way a SIGTERM closes
 * it (the shutdown hook calls {@code close()}): right after it is ready, while the invalidation
 * subscription is still being set up, and while it is stuck connecting to a Redis that accepts
 * connections but never answers. Every close must end well within the graceful-shutdown budget, and
 * leave no subscription thread behind.
 */
class ShutdownTests {

    /**
     * The invalidation subscription's own bounded stop (3 s) plus a margin; far below the 30 s of
     * {@code spring.lifecycle.timeout-per-shutdown-phase}, far above a normal close (well under 1 s).
     */
    private static final Duration BOUND = Duration.ofSeconds(8);
    private static final AtomicInteger databases = new AtomicInteger();

    @Test
    void closingRightAfterStartupEndsPromptly() throws Exception {
        RedisEngine redis = SharedEngines.redis();
        for (int i = 0; i < 4; i++) {
            ConfigurableApplicationContext context = start(redis.host(), redis.port(), redis.allocateDatabase());
            assertClosesWithinBound(context);
        }
    }

    @Test
    void closingWhileRedisAcceptsButNeverAnswersEndsPromptly() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            for (int i = 0; i < 3; i++) {
                int accepted = silent.accepted();
                // Long timeouts: once connected, the subscription stays stuck in its handshake.
                ConfigurableApplicationContext context = start("127.0.0.1", silent.port(), 0,
                        "--spring.data.redis.timeout=60s", "--spring.data.redis.connect-timeout=60s");
                if (i > 0) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> silent.accepted() > accepted);
                }
                assertClosesWithinBound(context);
            }
            assertThat(silent.accepted()).as("the service did try to subscribe").isPositive();
        }
    }

    private static ConfigurableApplicationContext start(String redisHost, int redisPort, int redisDatabase,
            String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.mongodb.uri=" + SharedEngines.mongo().uri("shutdown_" + databases.incrementAndGet()),
                "--spring.data.redis.host=" + redisHost, "--spring.data.redis.port=" + redisPort,
                "--spring.data.redis.database=" + redisDatabase,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestJwtIssuer.shared().jwkSetUri()));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(ProductServiceApplication.class).registerShutdownHook(false)
                .run(arguments.toArray(String[]::new));
    }

    private static void assertClosesWithinBound(ConfigurableApplicationContext context) throws Exception {
        long begin = System.nanoTime();
        CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close, runnable -> {
            Thread thread = new Thread(runnable, "test-close");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            closed.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fail("close() did not end within " + BOUND + "; threads:\n" + threadDump());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(BOUND);
        assertThat(context.isActive()).isFalse();
        assertThat(liveThreadNames()).as("threads left by the service")
                .noneMatch(name -> name.startsWith("product-invalidations"));
    }

    private static List<String> liveThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    /** Every thread's stack, virtual threads included (requests and scheduled tasks run on them). */
    private static String threadDump() throws IOException {
        Path file = Files.createTempDirectory("shutdown-tests").resolve("threads.txt");
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpThreads(file.toString(),
                    HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            return Files.readString(file);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        }
    }

    /** A TCP server that accepts connections and never sends a byte, like a Redis that hangs. */
    private static final class SilentServer implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> sockets = new ArrayList<>();
        private final Thread acceptor;

        SilentServer() throws IOException {
            acceptor = Thread.ofVirtual().name("silent-redis").start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        synchronized (sockets) {
                            sockets.add(socket);
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            synchronized (sockets) {
                return sockets.size();
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
            synchronized (sockets) {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
            acceptor.join(Duration.ofSeconds(5));
        }
    }
}
