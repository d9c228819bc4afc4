package dev.flotilla.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml}, its nginx and its {@code .env.example} held against the code; each
 * method returns what disagrees, in words, so that a test can show every problem at once.
 */
final class ComposeChecks {

    /** The services' health check: the images have no shell or curl (service-web's HealthProbe). */
    static final List<String> HEALTH_CHECK = List.of("CMD", "java", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
            "-Xmx16m", "-cp", "/app/libs/*", "dev.flotilla.web.probe.HealthProbe");
    private static final Pattern IMAGE = Pattern.compile("([a-z0-9.-]+)/([a-z0-9-]+):\\$\\{FLOTILLA_VERSION:-([A-Za-z0-9._-]+)}");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?");
    private static final Pattern POM_PROPERTY = Pattern.compile("<(image\\.[a-z.-]+)>([^<]*)</\\1>");

    private final Path root;
    private final Map<String, Object> compose;
    private final String nginx;
    private final String environmentExample;
    private final String composeText;
    private final List<String> problems = new ArrayList<>();

    ComposeChecks(Path root, String compose, String nginx, String environmentExample) {
        this.root = root;
        this.composeText = compose;
        this.compose = new Yaml(new LoaderOptions()).load(compose);
        this.nginx = nginx;
        this.environmentExample = environmentExample;
    }

    static ComposeChecks ofRepository(Path root) throws IOException {
        return new ComposeChecks(root, Files.readString(root.resolve("docker-compose.yml")),
                Files.readString(root.resolve("compose/nginx.conf")), Files.readString(root.resolve(".env.example")));
    }

    /** Every problem found. */
    List<String> problems() throws IOException {
        problems.clear();
        Map<String, Map<String, Object>> services = services();
        for (Map.Entry<String, Map<String, Object>> entry : services.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> service = entry.getValue();
            String image = String.valueOf(service.get("image"));
            // A service of the platform: named after its module (nginx, the gateway of compose, is not the gateway module).
            if (Files.isRegularFile(root.resolve(name).resolve("pom.xml"))) {
                checkService(name, service);
            }
            checkCommon(name, service, services.keySet());
        }
        checkRoutes();
        checkSecrets();
        return List.copyOf(problems);
    }

    private void checkService(String name, Map<String, Object> service) throws IOException {
        ServiceConfiguration configuration = ServiceConfiguration.of(root, name);
        Map<String, String> pom = pomProperties(Files.readString(root.resolve(name).resolve("pom.xml")));

        Matcher image = IMAGE.matcher(String.valueOf(service.get("image")));
        if (!image.matches()) {
            problems.add(name + ": image " + service.get("image") + " is not <repository>/<service>:${FLOTILLA_VERSION:-<tag>}");
        } else {
            JibImages jib = JibImages.of(root);
            if (!(image.group(1) + "/" + image.group(2)).equals(jib.name(name))) {
                problems.add(name + ": image " + image.group(1) + "/" + image.group(2) + ", but Jib builds " + jib.name(name));
            }
            if (!jib.tags().contains(image.group(3))) {
                problems.add(name + ": default tag " + image.group(3) + " is none of Jib's " + jib.tags());
            }
        }

        Map<String, String> environment = environment(service);
        for (String variable : environment.keySet()) {
            if (!configuration.reads(variable)) {
                problems.add(name + ": sets " + variable + ", which nothing in its configuration reads");
            }
        }
        String port = environment.get("PORT");
        if (port == null || Integer.parseInt(port) != configuration.port()) {
            problems.add(name + ": PORT " + port + ", but the service's port is " + configuration.port());
        }
        if (!String.valueOf(configuration.port()).equals(pom.get("image.port"))) {
            problems.add(name + ": its image exposes " + pom.get("image.port") + ", but the service listens on " + configuration.port());
        }

        Object health = RouteTable.dig(service, "healthcheck", "test");
        if (!HEALTH_CHECK.equals(health)) {
            problems.add(name + ": health check " + health + ", expected " + HEALTH_CHECK);
        }
        if (!Files.isRegularFile(root.resolve("service-web/src/main/java/dev/flotilla/web/probe/HealthProbe.java"))) {
            problems.add("service-web has no HealthProbe, which the health checks run");
        }
        if (!ServiceConfiguration.hasProbeGroups(root, name)) {
            problems.add(name + ": no readiness group in its configuration, which the health check asks");
        }

        if (!Boolean.TRUE.equals(service.get("read_only"))) {
            problems.add(name + ": its root filesystem is not read-only");
        }
        Object tmpfs = service.get("tmpfs");
        if (!(tmpfs instanceof List<?> mounts) || mounts.stream().noneMatch(mount -> mount.toString().startsWith("/tmp"))) {
            problems.add(name + ": no tmpfs on /tmp");
        }
        List<String> volumeTargets = new ArrayList<>();
        if (service.get("volumes") instanceof List<?> volumes) {
            volumes.forEach(volume -> volumeTargets.add(volume.toString().split(":")[1]));
        }
        for (String variable : ServiceConfiguration.WRITTEN_PATHS) {
            String path = environment.get(variable);
            if (path != null && volumeTargets.stream().noneMatch(target -> path.startsWith(target + "/"))) {
                problems.add(name + ": " + variable + "=" + path + " is not on a volume, and the root filesystem is read-only");
            }
        }
    }

    private void checkCommon(String name, Map<String, Object> service, Set<String> all) {
        boolean oneShot = "no".equals(String.valueOf(service.get("restart")));
        if (!oneShot && service.get("healthcheck") == null) {
            problems.add(name + ": no health check");
        }
        if (!oneShot && service.get("mem_limit") == null) {
            problems.add(name + ": no memory limit");
        }
        if (service.get("depends_on") instanceof Map<?, ?> dependencies) {
            dependencies.forEach((dependency, condition) -> {
                if (!all.contains(dependency.toString())) {
                    problems.add(name + ": depends on " + dependency + ", which compose does not define");
                }
                String wanted = condition instanceof Map<?, ?> map ? String.valueOf(map.get("condition")) : "";
                if (!Set.of("service_healthy", "service_completed_successfully").contains(wanted)) {
                    problems.add(name + ": waits for " + dependency + " without a condition on its health");
                }
            });
        }
    }

    /** nginx routes exactly the gateway's table, each to the port of its service, and nothing else. */
    private void checkRoutes() throws IOException {
        RouteTable.Routes gateway = RouteTable.ofGateway(Files.readString(root.resolve("gateway/src/main/resources/application.yaml")));
        RouteTable.Routes mirror = RouteTable.ofNginx(nginx);
        if (!gateway.paths().equals(mirror.paths())) {
            problems.add("nginx routes " + mirror.paths() + ", but the gateway routes " + gateway.paths());
        }
        if (!gateway.ports().equals(mirror.ports())) {
            problems.add("nginx sends to the ports " + mirror.ports() + ", but the services listen on " + gateway.ports());
        }
        for (String line : nginx.lines().map(String::strip).toList()) {
            if (line.startsWith("location") && line.contains("/api/stock")) {
                problems.add("nginx routes /api/stock, which is service-to-service only: " + line);
            }
        }
        if (!nginx.contains("location / {") || !nginx.contains("return 404")) {
            problems.add("nginx does not answer 404 for paths outside the route table");
        }
    }

    /** Every secret compose requires has a placeholder in .env.example, and only placeholders are there. */
    private void checkSecrets() {
        Set<String> required = new TreeSet<>();
        Matcher variable = REQUIRED.matcher(composeText);
        while (variable.find()) {
            required.add(variable.group(1));
        }
        Map<String, String> example = new HashMap<>();
        environmentExample.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        for (String name : required) {
            String value = example.get(name);
            if (value == null) {
                problems.add(".env.example has no " + name + ", which docker-compose.yml requires");
            } else if (name.matches(".*(PASSWORD|SECRET|HASH).*") && !value.matches(".*(change-me|replace).*")) {
                problems.add(".env.example: " + name + " holds a value, not a placeholder");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new HashMap<>();
        if (service.get("environment") instanceof Map<?, ?> map) {
            map.forEach((name, value) -> environment.put(name.toString(), String.valueOf(value)));
        }
        return environment;
    }

    private static Map<String, String> pomProperties(String pom) {
        Map<String, String> properties = new HashMap<>();
        Matcher property = POM_PROPERTY.matcher(pom);
        while (property.find()) {
            properties.putIfAbsent(property.group(1), property.group(2));
        }
        return properties;
    }
}
