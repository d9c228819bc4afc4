package dev.flotilla.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link EngineLifecycleTests}: starts every engine, prints where they live,
 * then waits for a line on standard input and exits normally (or is killed before that).
 */
public final class EngineLifecycleProbe {

    private EngineLifecycleProbe() {
    }

    public static void main(String[] args) throws Exception {
        SharedEngines.postgres();
        SharedEngines.redis();
        SharedEngines.mongo();
        Path directory = SharedEngines.registry().directory().orElseThrow();
        System.out.println("directory=" + directory);
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        System.exit(0);
    }
}
