package dev.flotilla.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service can be configured with, read from the code: the environment variables its
 * {@code application*.yaml} names in placeholders ({@code ${FLOTILLA_JWKS_URI:...}}), and every
 * property of its configuration metadata (its own, the platform libraries' it uses, Spring Boot's),
 * which an environment variable sets by relaxed binding ({@code FLOTILLA_USER_CLIENTS_0_ID} for
 * {@code flotilla.user.clients[0].id}); its port ({@code ${PORT:8081}}).
 */
record ServiceConfiguration(String name, int port, Set<String> placeholders, Set<String> properties,
        Set<String> collections) {

    /**
     * Variables whose value is a file a service writes, or a directory it writes in: with a read-only
     * root filesystem they must lie on a volume.
     */
    static final Set<String> WRITTEN_PATHS = Set.of("FLOTILLA_IMAGE_DB_PATH", "FLOTILLA_ANALYTICS_CACHE_PATH",
            "FLOTILLA_USER_JWT_KEYDIRECTORY");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern PORT = Pattern.compile("port: \\$\\{PORT:(\\d+)}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ServiceConfiguration of(Path root, String service) throws IOException {
        Path module = root.resolve(service);
        if (!Files.isRegularFile(module.resolve("target/classes/META-INF/spring-configuration-metadata.json"))
                && !service.equals("gateway")) {
            throw new IllegalStateException(service + " is not built: run ./mvnw verify (or package) from the root");
        }
        String pom = Files.readString(module.resolve("pom.xml"));
        List<Path> modules = Stream.of(service, "service-web", "reference-data")
                .filter(library -> library.equals(service) || pom.contains("<artifactId>" + library + "</artifactId>"))
                .map(root::resolve).toList();
        Set<String> placeholders = new HashSet<>();
        Set<String> properties = new HashSet<>();
        Set<String> collections = new HashSet<>();
        for (Path library : modules) {
            try (Stream<Path> files = Files.list(library.resolve("src/main/resources"))) {
                for (Path file : files.filter(file -> file.getFileName().toString().startsWith("application")).toList()) {
                    Matcher placeholder = PLACEHOLDER.matcher(Files.readString(file));
                    while (placeholder.find()) {
                        placeholders.add(placeholder.group(1));
                    }
                }
            }
            Path metadata = library.resolve("target/classes/META-INF/spring-configuration-metadata.json");
            if (Files.isRegularFile(metadata)) {
                read(JSON.readTree(metadata.toFile()), properties, collections, "flotilla.");
            }
        }
        // Spring Boot's own properties, from the metadata of its modules on this module's class path.
        Enumeration<URL> boot = ServiceConfiguration.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json");
        while (boot.hasMoreElements()) {
            try (InputStream in = boot.nextElement().openStream()) {
                read(JSON.readTree(in), properties, collections, "spring.");
            }
        }
        Matcher port = PORT.matcher(Files.readString(module.resolve("src/main/resources/application.yaml")));
        if (!port.find()) {
            throw new IllegalStateException(service + "'s application.yaml has no server.port: ${PORT:<default>}");
        }
        return new ServiceConfiguration(service, Integer.parseInt(port.group(1)), placeholders, properties, collections);
    }

    /**
     * Whether the service has Actuator's liveness and readiness groups: service-web turns the probes
     * on for every service that uses it; otherwise its own configuration must.
     */
    static boolean hasProbeGroups(Path root, String service) throws IOException {
        boolean starter = Files.readString(root.resolve(service).resolve("pom.xml")).contains("<artifactId>service-web</artifactId>")
                && Files.readString(root.resolve("service-web/src/main/java/dev/flotilla/web/observability/ObservabilityDefaults.java"))
                        .contains("\"management.endpoint.health.probes.enabled\", \"true\"");
        return starter || Files.readString(root.resolve(service).resolve("src/main/resources/application.yaml")).contains("readiness");
    }

    private static void read(JsonNode metadata, Set<String> properties, Set<String> collections, String prefix) {
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asString();
            if (!name.startsWith(prefix)) {
                continue;
            }
            String type = property.path("type").asString("");
            properties.add(canonical(name));
            if (type.startsWith("java.util.List") || type.startsWith("java.util.Map") || type.startsWith("java.util.Set")
                    || type.endsWith("[]")) {
                collections.add(canonical(name));
            }
        }
    }

    /** A property name as relaxed binding compares it: lower case, without dashes. */
    static String canonical(String property) {
        return property.toLowerCase(Locale.ROOT).replace("-", "").replace("[", ".").replace("]", "");
    }

    /** Whether the service reads this environment variable: a placeholder, a property, or an element of a collection property. */
    boolean reads(String variable) {
        if (placeholders.contains(variable)) {
            return true;
        }
        String property = variable.toLowerCase(Locale.ROOT).replace('_', '.');
        if (properties.contains(property)) {
            return true;
        }
        return collections.stream().anyMatch(collection -> property.startsWith(collection + "."));
    }
}
