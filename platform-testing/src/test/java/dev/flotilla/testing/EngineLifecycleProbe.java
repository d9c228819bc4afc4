package dev.flotilla.testing;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link EngineLifecycleTests}: starts every engine, prints where they live,
 * then exits normally ({@code exit}) or waits to be killed ({@code wait}).
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
        if (args.length > 0 && args[0].equals("wait")) {
            Thread.sleep(Long.MAX_VALUE);
        }
        System.exit(0);
    }
}
