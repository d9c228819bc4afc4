package dev.flotilla.image.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CPU time all processes of the machine have used, from the first line of {@code /proc/stat}
 * (everything but idle and iowait, in clock ticks of 10 ms). Less the service's and this JVM's own
 * time, it says how busy the rest of the machine was while the figures were taken. Zero where there
 * is no {@code /proc/stat}.
 */
record MachineCpu(long busyTicks) {

    /** {@code USER_HZ}, 100 on every Linux architecture this runs on. */
    private static final long TICK_MILLIS = 10;

    static MachineCpu now() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal (guest time is already in user).
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return new MachineCpu(busy);
        } catch (IOException | RuntimeException notLinux) {
            return new MachineCpu(0);
        }
    }

    Duration since(MachineCpu before) {
        return Duration.ofMillis((busyTicks - before.busyTicks) * TICK_MILLIS);
    }
}
