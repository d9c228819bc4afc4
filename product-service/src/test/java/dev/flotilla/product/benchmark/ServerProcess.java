package dev.flotilla.product.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in a JVM of its own, started from this JVM's classpath with the JVM flags given,
 * so that it runs as the run command runs it and not inside the benchmark's heap. Its output goes to
 * {@code target/benchmark/<name>.log}.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final List<String> flags;
    private final int port;
    private final Process process;

    private ServerProcess(String name, List<String> flags, int port, Process process) {
        this.name = name;
        this.flags = flags;
        this.port = port;
        this.process = process;
    }

    /** Starts {@code mainClass} with {@code --server.port=<free port>} and the arguments given; waits until {@code readyPath} answers 200. */
    static ServerProcess start(String name, List<String> flags, Class<?> mainClass, String readyPath, List<String> arguments)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                mainClass.getName(), "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        Path log = Files.createDirectories(Path.of("target", "benchmark")).resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(name, flags, port, process);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        server.awaitReady(readyPath, log);
        return server;
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    List<String> flags() {
        return flags;
    }

    /** CPU time used so far by all threads of the server. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElseThrow();
    }

    private void awaitReady(String path, Path log) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException(name + " did not become ready; see " + log.toAbsolutePath());
    }

    /** Stops the server gracefully, then insists. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
