package dev.flotilla.endtoend;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole platform, started once per test JVM exactly as the run command starts it (the engines and
 * every service's jar as a process of its own, configured through environment variables), on free
 * ports and over an empty data directory of its own, and stopped when the last test class is done.
 * Test classes get it as a {@link Shop} parameter.
 *
 * <p>The services are started without the JDK 25 ahead-of-time cache: recording it costs a training
 * start per service, more than it saves in one run.
 */
final class RunningPlatform implements ParameterResolver {

    /**
     * On a machine whose loopback interface answers only 127.0.0.1 (macOS without aliases), every
     * client has the same address, and user-service's limits per client address would refuse the
     * tests' registrations and logins after a few: these raise them, the only change to the
     * configuration, and only there.
     */
    static final Map<String, Map<String, String>> ONE_CLIENT_ADDRESS = Map.of("user-service", Map.of(
            "FLOTILLA_USER_REGISTRATIONLIMITS_ADDRESSATTEMPTS", "100000",
            "FLOTILLA_USER_LOGINLIMITS_ADDRESSATTEMPTS", "100000"));

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Shop.class;
    }

    @Override
    public Shop resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Shop.class, key -> start(), Shop.class);
    }

    private static Shop start() {
        try {
            long started = System.nanoTime();
            Shop shop = Shop.start("platform-logs");
            System.out.printf("platform ready in %.1f s (engines %.1f s), logs in end-to-end-tests/target/platform-logs%n",
                    (System.nanoTime() - started) / 1e9, shop.platform().timings().engines().toMillis() / 1000.0);
            return shop;
        } catch (Exception e) {
            throw new IllegalStateException("The platform did not start: " + e.getMessage(), e);
        }
    }

    /** Whether a client socket can take another loopback address than 127.0.0.1 (all of 127/8 on Linux). */
    static boolean loopbackAliases() {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.1.1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
