package dev.flotilla.analytics.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder recording (settings {@code profile}: a stack sample of every running Java thread
 * each 10 ms) of a service JVM, through {@code jcmd <pid> JFR.start/JFR.stop}, or of this JVM, where
 * the Mongo wire server runs. {@link #summarise} counts the {@code jdk.ExecutionSample} events per
 * library (the innermost frame of a library named below) and per top frame. The file stays for a
 * closer look: {@code jfr print --events jdk.ExecutionSample <file>}.
 */
final class FlightRecording {

    private static final String NAME = "analytics-benchmark";
    private static final Map<String, String> LIBRARIES = libraries();

    private final long pid;
    private final Path file;
    private final Recording own;

    private FlightRecording(long pid, Path file, Recording own) {
        this.pid = pid;
        this.file = file;
        this.own = own;
    }

    /** Starts recording the JVM with this process id into {@code file}. */
    static FlightRecording of(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile", "filename=" + file.toAbsolutePath());
        return new FlightRecording(pid, file, null);
    }

    /** Starts recording this JVM into {@code file}. */
    static FlightRecording ofThisJvm(Path file) throws IOException {
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setDestination(file);
            recording.start();
            return new FlightRecording(ProcessHandle.current().pid(), file, recording);
        } catch (ParseException e) {
            throw new IOException("JFR settings 'profile' not readable", e);
        }
    }

    /** Stops the recording, which writes the file. */
    void stop() throws IOException, InterruptedException {
        if (own != null) {
            own.stop();
            own.close();
        } else {
            jcmd(pid, "JFR.stop", "name=" + NAME);
        }
    }

    /** The share of samples per library and the top frames, as text under {@code title}. */
    String summarise(String title, int topFrames) throws IOException {
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> byTopFrame = new HashMap<>();
        int samples = 0;
        for (var event : RecordingFile.readAllEvents(file)) {
            RecordedStackTrace stack = event.getStackTrace();
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            byTopFrame.merge(method(stack.getFrames().getFirst()), 1, Integer::sum);
            byLibrary.merge(library(stack.getFrames()), 1, Integer::sum);
        }
        return String.format(Locale.ROOT, "%s: %d execution samples, %s%n", title, samples, file)
                + table("  by library (innermost frame of a known library)", byLibrary, samples, byLibrary.size())
                + table("  top frames (self time)", byTopFrame, samples, topFrames);
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
        libraries.put("dev.flotilla.analytics.benchmark.", "the benchmark's publisher and clients");
        libraries.put("dev.flotilla.", "this repository's code");
        libraries.put("de.bwaldvogel.mongo.", "mongo-java-server (the Mongo wire server)");
        libraries.put("com.mongodb.", "MongoDB driver");
        libraries.put("org.bson.", "BSON (MongoDB driver)");
        libraries.put("io.lettuce.", "Lettuce (Redis)");
        libraries.put("io.netty.", "Netty (Lettuce's and the Mongo server's I/O)");
        libraries.put("tools.jackson.", "Jackson");
        libraries.put("com.fasterxml.jackson.", "Jackson");
        libraries.put("com.nimbusds.", "Nimbus JOSE (JWT verification)");
        libraries.put("org.springframework.security.", "Spring Security");
        libraries.put("org.springframework.data.", "Spring Data");
        libraries.put("org.sqlite.", "SQLite JDBC");
        libraries.put("com.zaxxer.hikari.", "HikariCP");
        libraries.put("io.micrometer.", "Micrometer");
        libraries.put("ch.qos.logback.", "Logback");
        libraries.put("org.springframework.", "Spring (other)");
        libraries.put("org.apache.", "Tomcat");
        libraries.put("jdk.internal.net.http.", "JDK HTTP client");
        libraries.put("sun.nio.", "JDK socket I/O");
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
