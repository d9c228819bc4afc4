package dev.flotilla.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * How a service's JVM is launched for a quick start: from its jar extracted into a plain class path
 * (Spring Boot's {@code jarmode=tools extract}), which starts a third faster than the nested jar; and,
 * on JDK 25 or newer unless turned off ({@code -Dflotilla.aot=false}), with an ahead-of-time cache
 * recorded by one training start, which halves the start again. Both are rebuilt whenever the jar's
 * content changes (a build rewrites the jar even when nothing changed, so its checksum decides, not its
 * date; the checksum is computed again only when the jar's size or date changed).
 */
final class Launch {

    private static final long TRAINING_TIMEOUT_SECONDS = 180;
    private static final String AOT_CACHE_SUFFIX = ".aot";

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final boolean aot;
    private final Consumer<String> progress;

    Launch(boolean aot, Consumer<String> progress) {
        this.aot = aot;
        this.progress = progress;
    }

    /** Extracts the jar if its content changed; returns the application jar of the extracted layout. */
    Path extract(Path jar) throws IOException, InterruptedException {
        Path directory = jar.resolveSibling("extracted");
        Path application = directory.resolve(jar.getFileName());
        Path marker = directory.resolve("source.sha256");
        Path seen = directory.resolve("source.seen");
        String seenNow = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        if (Files.exists(application) && Files.exists(marker) && Files.exists(seen) && Files.readString(seen).equals(seenNow)) {
            return application;
        }
        String checksum = sha256(jar);
        Files.deleteIfExists(seen);
        if (!Files.exists(application) || !Files.exists(marker) || !Files.readString(marker).equals(checksum)) {
            run(List.of(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
                    directory.toString()), jar.resolveSibling("extract.log"));
            deleteAotCaches(directory);
            Files.writeString(marker, checksum);
        }
        Files.writeString(seen, seenNow);
        return application;
    }

    /**
     * The JVM options for the AOT cache, recording it first if missing: a start of the service that
     * exits once its context is refreshed ({@code spring.context.exit=onRefresh}).
     */
    List<String> aotOptions(Path application, List<String> jvmOptions, ProcessBuilder template) throws IOException,
            InterruptedException {
        if (!aot) {
            return List.of();
        }
        // One cache per set of JVM options: a cache recorded with other options may be refused.
        Path cache = application.resolveSibling("app-" + HexFormat.of().toHexDigits(jvmOptions.hashCode()) + AOT_CACHE_SUFFIX);
        if (!Files.exists(cache)) {
            deleteAotCaches(application.getParent());
            progress.accept("  recording the start-up cache of " + application.getParent().getParent().getParent().getFileName()
                    + " (once per build of it; -Dflotilla.aot=false starts without)");
            List<String> training = new ArrayList<>(List.of(java.toString(), "-XX:AOTCacheOutput=" + cache,
                    "-Dspring.context.exit=onRefresh"));
            training.addAll(jvmOptions);
            training.addAll(List.of("-jar", application.toString()));
            ProcessBuilder builder = new ProcessBuilder(training).redirectErrorStream(true)
                    .redirectOutput(application.resolveSibling("aot-training.log").toFile());
            builder.environment().putAll(template.environment());
            builder.environment().put("PORT", "0");
            wait(builder.start());
        }
        return List.of("-XX:AOTCache=" + cache);
    }

    private static void deleteAotCaches(Path directory) throws IOException {
        try (DirectoryStream<Path> caches = Files.newDirectoryStream(directory, "*" + AOT_CACHE_SUFFIX)) {
            for (Path cache : caches) {
                Files.delete(cache);
            }
        }
    }

    Path java() {
        return java;
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        wait(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    private static void wait(Process process) throws InterruptedException {
        if (!process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("preparing a service failed: " + process.info().commandLine().orElse("?"));
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
