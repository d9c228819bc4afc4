package dev.flotilla.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * How the local platform starts.
 *
 * @param root the repository, where each service's jar is built
 * @param data where the engines keep their data between runs ({@code .flotilla/} in the repository,
 *     git-ignored), with the generated credentials and the services' files
 * @param logs where each process writes its log
 * @param fresh delete {@code data} first: start from empty engines and seed the demo data again
 * @param aot start the services from a JDK 25 ahead-of-time cache, recorded once per build of a service
 * @param ports where everything listens
 * @param environment variables added to a service's environment, by service name: what a test changes
 *     on purpose (the run command adds none)
 */
public record PlatformSettings(Path root, Path data, Path logs, boolean fresh, boolean aot, Ports ports,
        Map<String, Map<String, String>> environment) {

    private static final int AOT_FEATURE = 25;

    public PlatformSettings {
        environment = Map.copyOf(environment);
        for (String name : environment.keySet()) {
            if (!ServiceEnvironments.NAMES.contains(name)) {
                throw new IllegalArgumentException("no process " + name + " in the platform: " + ServiceEnvironments.NAMES);
            }
        }
    }

    /** Every service configured exactly as the run command configures it. */
    public PlatformSettings(Path root, Path data, Path logs, boolean fresh, boolean aot, Ports ports) {
        this(root, data, logs, fresh, aot, ports, Map.of());
    }

    /**
     * From the system properties the run command passes: {@code flotilla.root}, {@code flotilla.data},
     * {@code flotilla.fresh}, {@code flotilla.aot} (default: on for JDK 25+), {@code flotilla.port.*}.
     */
    public static PlatformSettings fromSystemProperties() {
        Path root = Path.of(System.getProperty("flotilla.root", ".")).toAbsolutePath().normalize();
        String data = System.getProperty("flotilla.data", "");
        String aot = System.getProperty("flotilla.aot", "");
        return new PlatformSettings(root, data.isBlank() ? root.resolve(".flotilla") : Path.of(data).toAbsolutePath(),
                root.resolve("local-platform/target/logs"), Boolean.getBoolean("flotilla.fresh"),
                aot.isBlank() ? aotAvailable() : Boolean.parseBoolean(aot) && aotAvailable(), Ports.fromSystemProperties());
    }

    /** The JDK 25 ahead-of-time cache ({@code -XX:AOTCache}) exists in this JDK. */
    static boolean aotAvailable() {
        return Runtime.version().feature() >= AOT_FEATURE;
    }
}
