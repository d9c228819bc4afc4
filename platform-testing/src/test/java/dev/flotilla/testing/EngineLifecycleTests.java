package dev.flotilla.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the engines in a separate JVM with a temporary directory of its own and checks from outside
 * that nothing is left behind: no server process and nothing at all in that temporary directory,
 * after a normal exit and, once swept, after the JVM was killed.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EngineLifecycleTests {

    @TempDir
    Path temp;

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    @Test
    void normalExitStopsEveryEngineAndDeletesItsFiles() throws Exception {
        Probe probe = Probe.start(temp);
        List<ProcessHandle> servers = probe.serverProcesses();
        assertThat(servers).hasSize(2).allMatch(ProcessHandle::isAlive);

        probe.process.getOutputStream().write("exit\n".getBytes(StandardCharsets.UTF_8));
        probe.process.getOutputStream().close();
        assertThat(probe.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.process.exitValue()).isZero();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(servers).noneMatch(ProcessHandle::isAlive));
        assertThat(temp).isEmptyDirectory();
        assertThat(probe.output).noneMatch(line -> line.contains("Exception") || line.contains("ERROR"));
    }

    @Test
    void enginesOfAKilledJvmAreStoppedAndDeletedByTheNextSweep() throws Exception {
        Probe probe = Probe.start(temp);
        List<ProcessHandle> servers = probe.serverProcesses();
        probe.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertThat(servers).as("a killed JVM cannot stop its servers").allMatch(ProcessHandle::isAlive);
        assertThat(probe.directory).exists();

        EngineDirectory.sweepStale(temp);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(servers).noneMatch(ProcessHandle::isAlive));
        assertThat(temp).isEmptyDirectory();
    }

    /** A child JVM with the test classpath running {@link EngineLifecycleProbe}. */
    private static final class Probe {

        final Process process;
        final Path directory;
        final List<String> output = new ArrayList<>();

        private Probe(Process process, Path directory) {
            this.process = process;
            this.directory = directory;
        }

        static Probe start(Path temp) throws Exception {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Djava.io.tmpdir=" + temp,
                    EngineLifecycleProbe.class.getName())
                    .redirectErrorStream(true)
                    .start();
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            Path directory = null;
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            String line;
            while (System.nanoTime() < deadline && (line = reader.readLine()) != null && !line.equals("ready")) {
                lines.add(line);
                if (line.startsWith("directory=")) {
                    directory = Path.of(line.substring("directory=".length()));
                }
            }
            assertThat(directory).as("probe output: %s", lines).isNotNull();
            Probe probe = new Probe(process, directory);
            probe.output.addAll(lines);
            Thread drain = new Thread(() -> reader.lines().forEach(probe.output::add));
            drain.setDaemon(true);
            drain.start();
            return probe;
        }

        /** The PostgreSQL postmaster and the Redis server, from their pid files. */
        List<ProcessHandle> serverProcesses() {
            return List.of(EngineDirectory.POSTGRES_PID_FILE, EngineDirectory.REDIS_PID_FILE).stream()
                    .map(file -> EngineDirectory.pid(directory.resolve(file)).flatMap(ProcessHandle::of)
                            .orElseThrow(() -> new AssertionError("no running process for " + file)))
                    .toList();
        }
    }
}
