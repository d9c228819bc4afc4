package dev.flotilla.endtoend;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.flotilla.platform.Platform;
import dev.flotilla.platform.PlatformSettings;
import dev.flotilla.platform.Ports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running platform as its clients meet it: the gateway's URL, and clients that each come from an
 * address of their own (127.0.1.1, 127.0.1.2, ... where the loopback interface answers them), as many
 * shoppers on many machines would. The services' own ports are used only to kill and restart them.
 */
final class Shop implements AutoCloseable {

    static final String PASSWORD = "Correct-horse-battery-9";
    private static final int ADDRESSES_PER_BLOCK = 250;

    private final Platform platform;
    private final Path data;
    private final boolean manyAddresses;
    private final AtomicInteger clients = new AtomicInteger();

    private Shop(Platform platform, Path data, boolean manyAddresses) {
        this.platform = platform;
        this.data = data;
        this.manyAddresses = manyAddresses;
    }

    /** The repository, where the services' jars are built ({@code -Dflotilla.root}, which the build sets). */
    static Path root() {
        return Path.of(System.getProperty("flotilla.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * Starts the platform exactly as the run command does, on free ports, over an empty data directory
     * of its own (deleted by {@link #close}), without the AOT cache (recording it costs more than it
     * saves in one run), each process's log in {@code end-to-end-tests/target/<logs>}.
     */
    static Shop start(String logs) throws Exception {
        boolean manyAddresses = RunningPlatform.loopbackAliases();
        Path root = root();
        Path data = Files.createTempDirectory("flotilla-" + logs + "-");
        PlatformSettings settings = new PlatformSettings(root, data, root.resolve("end-to-end-tests/target").resolve(logs),
                false, false, Ports.free(), manyAddresses ? Map.of() : RunningPlatform.ONE_CLIENT_ADDRESS);
        try {
            return new Shop(Platform.start(settings, System.out::println), data, manyAddresses);
        } catch (Exception e) {
            delete(data);
            throw e;
        }
    }

    Platform platform() {
        return platform;
    }

    /** The platform's data directory: the PostgreSQL server's command line names it. */
    Path data() {
        return data;
    }

    /** A client without an account yet, from an address no other client has (where the machine allows). */
    ShopClient anonymous() {
        return new ShopClient(platform.gatewayUrl(), nextAddress());
    }

    /** The administrator the platform was started with, logged in. */
    ShopClient admin() throws IOException, InterruptedException {
        ShopClient admin = anonymous();
        admin.login(Platform.ADMIN_EMAIL, platform.adminPassword());
        return admin;
    }

    /** A new customer: registered through the gateway, then logged in. */
    ShopClient newCustomer() throws IOException, InterruptedException {
        ShopClient customer = anonymous();
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        ShopClient.Answer registered = customer.post("/api/users", Map.of("email", email, "password", PASSWORD,
                "displayName", "Test Customer", "countryCode", "DE", "preferredCurrency", "EUR"));
        assertThat(registered.status()).as("registration: %s", registered).isEqualTo(201);
        customer.login(email, PASSWORD);
        return customer;
    }

    private InetAddress nextAddress() {
        if (!manyAddresses) {
            return null;
        }
        int client = clients.getAndIncrement();
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) (1 + client / ADDRESSES_PER_BLOCK),
                    (byte) (1 + client % ADDRESSES_PER_BLOCK)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        platform.close();
        delete(data);
    }

    private static void delete(Path data) throws IOException {
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
