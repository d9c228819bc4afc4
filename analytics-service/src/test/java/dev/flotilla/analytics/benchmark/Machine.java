package dev.flotilla.analytics.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** What the figures were taken on, and the CPU time of the processes around the service, from {@code /proc}. */
final class Machine {

    /** {@code USER_HZ}, 100 on every Linux architecture this runs on. */
    private static final long TICK_MILLIS = 10;

    private Machine() {
    }

    /** Cores, CPU model and Java version, in one line. */
    static String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
                cpuModel(), System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.version());
    }

    /** The flags this JVM (the benchmark's: engines and clients) was started with. */
    static String ownFlags() {
        return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> !flag.startsWith("-Dbenchmark.")).toList());
    }

    /** CPU time of this JVM so far. */
    static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The redis-server this JVM started (embedded-redis runs it as a child process), if there is one. */
    static Optional<ProcessHandle> redisServer() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().command().map(command -> command.contains("redis-server")).orElse(false))
                .findFirst();
    }

    static Duration cpu(Optional<ProcessHandle> process) {
        return process.flatMap(handle -> handle.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /**
     * CPU time every process of the machine has used, from the first line of {@code /proc/stat} (all but
     * idle and iowait); zero where there is none.
     */
    static Duration busy() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long ticks = 0;
            // cpu user nice system idle iowait irq softirq steal (guest time is already in user).
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                if (i != 4 && i != 5) {
                    ticks += Long.parseLong(fields[i]);
                }
            }
            return Duration.ofMillis(ticks * TICK_MILLIS);
        } catch (IOException | RuntimeException notLinux) {
            return Duration.ZERO;
        }
    }

    /** A field of {@code /proc/<pid>/status} in kilobytes ({@code VmRSS}: resident now, {@code VmHWM}: peak); -1 if unknown. */
    static long memoryKilobytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException notLinux) {
            // Reported as unknown.
        }
        return -1;
    }

    /** The first {@code model name} of {@code /proc/cpuinfo}, or the OS architecture elsewhere. */
    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException notLinux) {
            return System.getProperty("os.arch");
        }
    }
}
