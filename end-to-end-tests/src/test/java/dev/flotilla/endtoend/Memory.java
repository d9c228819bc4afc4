package dev.flotilla.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The memory of the platform: the proportional set size (PSS: each shared page divided among the
 * processes that map it) of this JVM, which holds the in-process engines (the Mongo wire server,
 * S3Proxy), and of every process it started (the services, PostgreSQL with its workers, Redis), from
 * {@code /proc/<pid>/smaps_rollup}. Linux only; elsewhere it says so.
 */
final class Memory {

    /** Total and by command name, in MiB. */
    record Usage(long totalMib, Map<String, Long> byCommandMib) {

        @Override
        public String toString() {
            return totalMib < 0 ? "n/a (no /proc/<pid>/smaps_rollup here)" : "%,d MiB PSS in all %s".formatted(totalMib, byCommandMib);
        }
    }

    /** The highest total of several samples. */
    static final class Peak {
        private Usage highest = new Usage(-1, Map.of());

        private final Path data;

        Peak(Path data) {
            this.data = data;
        }

        void sample() {
            Usage usage = ofPlatform(data);
            if (usage.totalMib() > highest.totalMib()) {
                highest = usage;
            }
        }

        Usage highest() {
            return highest;
        }
    }

    private Memory() {
    }

    /**
     * {@code data}: the platform's data directory, on the command line of PostgreSQL's server, which
     * {@code pg_ctl} starts detached (its parent is init, not this JVM).
     */
    static Usage ofPlatform(Path data) {
        ProcessHandle self = ProcessHandle.current();
        Map<String, Long> byCommand = new TreeMap<>();
        long totalKib = 0;
        List<ProcessHandle> detached = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(data.toString())).toList();
        Set<ProcessHandle> processes = new LinkedHashSet<>();
        for (ProcessHandle root : Stream.concat(Stream.of(self), detached.stream()).toList()) {
            processes.add(root);
            root.descendants().forEach(processes::add);
        }
        for (ProcessHandle process : processes) {
            long kib = pssKib(process.pid());
            if (kib < 0) {
                if (process == self) {
                    return new Usage(-1, Map.of());
                }
                continue;
            }
            totalKib += kib;
            String command = process == self ? "launcher" : name(process);
            byCommand.merge(command, kib / 1024, Long::sum);
        }
        return new Usage(totalKib / 1024, byCommand);
    }

    /** A service by its jar's directory, an engine by its executable. */
    private static String name(ProcessHandle process) {
        String[] arguments = process.info().arguments().orElse(new String[0]);
        for (int i = 0; i < arguments.length - 1; i++) {
            if (arguments[i].equals("-jar")) {
                return Path.of(arguments[i + 1]).getFileName().toString().replaceFirst("-[0-9][^-]*(-SNAPSHOT)?\\.jar$", "");
            }
        }
        return process.info().command().map(command -> Path.of(command).getFileName().toString()).orElse("?");
    }

    private static long pssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
