package dev.flotilla.order.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder recording of a server during the measured phase, started and stopped with
 * {@code jcmd <pid> JFR.start/JFR.stop} (settings {@code profile}: a stack sample of every running
 * Java thread each 10 ms), and a summary of its {@code jdk.ExecutionSample} events: the share of
 * samples per library, each sample counted for the innermost frame that belongs to a library named
 * below; this repository's methods by the share of samples they are on the stack of (which step of
 * a checkout costs most, with all it calls); and the methods on top of the stack (where the CPU was). The file stays for a closer look:
 * {@code jfr print --events jdk.ExecutionSample <file>}, {@code jfr summary <file>}, or JDK Mission Control.
 */
final class FlightRecording {

    private static final String NAME = "checkout-benchmark";
    private static final String OWN_CODE = "dev.flotilla.";
    /** Package prefixes, most specific first: the first one a frame's class starts with names its library. */
    private static final Map<String, String> LIBRARIES = libraries();

    private final long pid;
    private final Path file;

    private FlightRecording(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /** Starts recording the JVM with this process id into {@code file}. */
    static FlightRecording start(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile", "filename=" + file.toAbsolutePath());
        return new FlightRecording(pid, file);
    }

    /** Stops the recording, which writes the file. */
    Path stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + NAME);
        return file;
    }

    /** The top frames and the share per library, as text. */
    String summarise(int topFrames) throws IOException {
        Map<String, Integer> byTopFrame = new HashMap<>();
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> byOwnMethod = new HashMap<>();
        int samples = 0;
        for (var event : RecordingFile.readAllEvents(file)) {
            RecordedStackTrace stack = event.getStackTrace();
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            byTopFrame.merge(method(stack.getFrames().getFirst()), 1, Integer::sum);
            byLibrary.merge(library(stack.getFrames()), 1, Integer::sum);
            // Proxies and lambdas ($$) only repeat the method they stand for.
            stack.getFrames().stream().map(FlightRecording::method)
                    .filter(method -> method.startsWith(OWN_CODE) && !method.contains("$$")).distinct().forEach(method -> byOwnMethod.merge(method, 1, Integer::sum));
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%nWhere order-service's CPU went (%d execution samples, %s):%n", samples, file));
        text.append(table("  by library (innermost frame of a known library)", byLibrary, samples, byLibrary.size()));
        text.append(table("  this repository's methods on the stack (total time: a sample counts for each method it is in)",
                byOwnMethod, samples, topFrames));
        text.append(table("  top frames (self time)", byTopFrame, samples, topFrames));
        return text.toString();
    }

    private static String table(String title, Map<String, Integer> counts, int samples, int limit) {
        StringBuilder text = new StringBuilder(title).append('\n');
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(limit)
                .forEach(entry -> text.append(String.format(Locale.ROOT, "    %5.1f %%  %s%n",
                        100.0 * entry.getValue() / Math.max(1, samples), entry.getKey())));
        return text.toString();
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> library : LIBRARIES.entrySet()) {
                if (type.startsWith(library.getKey())) {
                    return library.getValue();
                }
            }
        }
        return "other (JDK only)";
    }

    private static Map<String, String> libraries() {
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put(OWN_CODE, "this repository's code (order-service, service-web)");
        libraries.put("org.postgresql.", "PostgreSQL JDBC driver");
        libraries.put("com.zaxxer.hikari.", "HikariCP");
        libraries.put("org.hibernate.", "Hibernate");
        libraries.put("org.flywaydb.", "Flyway");
        libraries.put("io.lettuce.", "Lettuce (Redis)");
        libraries.put("io.netty.", "Netty (Lettuce's I/O)");
        libraries.put("tools.jackson.", "Jackson");
        libraries.put("com.fasterxml.jackson.", "Jackson");
        libraries.put("com.nimbusds.", "Nimbus JOSE (JWT verification)");
        libraries.put("org.springframework.security.", "Spring Security");
        libraries.put("io.github.resilience4j.", "Resilience4j");
        libraries.put("io.micrometer.", "Micrometer (metrics, tracing)");
        libraries.put("io.opentelemetry.", "OpenTelemetry");
        libraries.put("ch.qos.logback.", "Logback");
        libraries.put("org.springframework.", "Spring (other)");
        libraries.put("org.apache.", "Tomcat");
        libraries.put("jdk.internal.net.http.", "JDK HTTP client");
        libraries.put("sun.nio.", "JDK socket I/O");
        libraries.put("java.net.", "JDK socket I/O");
        libraries.put("sun.security.", "JDK crypto");
        libraries.put("java.security.", "JDK crypto");
        return libraries;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        arguments.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
