package dev.flotilla.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one directory under the system temporary directory where a test JVM keeps its engines'
 * binaries, data and pid files, deleted when the engines stop. Directories left by a JVM that was
 * killed are swept when the next one starts: their engine processes are stopped and the files
 * deleted, so an aborted build leaves no orphan server behind for long.
 */
final class EngineDirectory {

    static final String PREFIX = "flotilla-engines-";
    static final String OWNER_FILE = "owner.pid";
    static final String POSTGRES_PID_FILE = "postgres-data/postmaster.pid";
    static final String REDIS_PID_FILE = "redis/redis.pid";

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FRESH = Duration.ofMinutes(1);

    private EngineDirectory() {
    }

    /** Sweeps directories of dead JVMs, then creates this JVM's directory. */
    static Path create() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        sweepStale(temp);
        try {
            Path directory = Files.createTempDirectory(temp, PREFIX);
            ProcessHandle self = ProcessHandle.current();
            Files.writeString(directory.resolve(OWNER_FILE), self.pid() + "\n" + startInstant(self));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the test engines under " + temp, e);
        }
    }

    /** Stops the engines and deletes the directories of JVMs that are no longer running. */
    static void sweepStale(Path temp) {
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path directory : directories) {
                if (Files.isDirectory(directory) && !ownerAlive(directory)) {
                    stopEngines(directory);
                    delete(directory);
                }
            }
        } catch (IOException e) {
            // A sweep is best effort: another JVM may be sweeping the same directories right now.
        }
    }

    /** Stops the server processes whose pid files are in {@code directory} and whose binaries live there. */
    static void stopEngines(Path directory) {
        for (String pidFile : List.of(POSTGRES_PID_FILE, REDIS_PID_FILE)) {
            pid(directory.resolve(pidFile)).flatMap(ProcessHandle::of)
                    .filter(process -> process.info().command().map(command -> command.startsWith(directory.toString()))
                            .orElse(false))
                    .ifPresent(EngineDirectory::stop);
        }
    }

    static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /** The first line of a pid file (PostgreSQL's {@code postmaster.pid} has more lines after it). */
    static Optional<Long> pid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void delete(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // Already gone (an engine's own shutdown deleted it): nothing to do.
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // Deleted concurrently: the goal is reached.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    private static boolean ownerAlive(Path directory) {
        Optional<Long> owner = pid(directory.resolve(OWNER_FILE));
        if (owner.isEmpty()) {
            // Either just created by a JVM that has not written its pid yet, or left by an old crash.
            return modifiedWithin(directory, FRESH);
        }
        // A pid can be reused by another process: the owner is alive only if its start time matches too.
        String recordedStart = secondLine(directory.resolve(OWNER_FILE));
        return ProcessHandle.of(owner.get()).filter(ProcessHandle::isAlive)
                .map(process -> recordedStart.isEmpty() || recordedStart.equals(startInstant(process)))
                .orElse(false);
    }

    private static String startInstant(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("");
    }

    private static String secondLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.size() > 1 ? lines.get(1).trim() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean modifiedWithin(Path directory, Duration age) {
        try {
            return Files.getLastModifiedTime(directory).toInstant().isAfter(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }
}
