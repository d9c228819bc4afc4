package dev.flotilla.deployment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * The platform's route table, as the gateway declares it ({@code gateway/src/main/resources/application.yaml}:
 * one route per service, its {@code Path} patterns) and as another gateway mirrors it: service name to
 * path patterns in the gateway's syntax ({@code /api/users} exactly, {@code /api/users/**} below it).
 */
final class RouteTable {

    private static final Pattern SERVICE_URL = Pattern.compile("\\$\\{[A-Z_]+:http://localhost:(\\d+)}");
    private static final Pattern NGINX_LOCATION = Pattern.compile(
            "location\\s+(=\\s+)?(\\S+)\\s*\\{\\s*set \\$upstream http://([a-z-]+):(\\d+);\\s*proxy_pass \\$upstream;\\s*}");

    /** Routes by service, and the port each route's upstream names. */
    record Routes(Map<String, Set<String>> paths, Map<String, Set<Integer>> ports) {
    }

    private RouteTable() {
    }

    /** The gateway's own table. */
    @SuppressWarnings("unchecked")
    static Routes ofGateway(String applicationYaml) {
        Map<String, Object> yaml = new Yaml().load(applicationYaml);
        Map<String, Object> webmvc = (Map<String, Object>) dig(yaml, "spring", "cloud", "gateway", "server", "webmvc");
        Map<String, Set<String>> paths = new TreeMap<>();
        Map<String, Set<Integer>> ports = new TreeMap<>();
        for (Map<String, Object> route : (List<Map<String, Object>>) webmvc.get("routes")) {
            String service = (String) route.get("id");
            for (Object predicate : (List<Object>) route.get("predicates")) {
                String text = predicate.toString();
                if (text.startsWith("Path=")) {
                    paths.computeIfAbsent(service, key -> new TreeSet<>()).addAll(List.of(text.substring(5).split(",")));
                }
            }
            Matcher port = SERVICE_URL.matcher((String) route.get("uri"));
            if (port.matches()) {
                ports.computeIfAbsent(service, key -> new TreeSet<>()).add(Integer.parseInt(port.group(1)));
            }
        }
        return new Routes(paths, ports);
    }

    /** compose's nginx: {@code location = /x} is {@code /x}, {@code location /x/} is {@code /x/**}. */
    static Routes ofNginx(String configuration) {
        Map<String, Set<String>> paths = new TreeMap<>();
        Map<String, Set<Integer>> ports = new TreeMap<>();
        Matcher location = NGINX_LOCATION.matcher(configuration);
        while (location.find()) {
            boolean exact = location.group(1) != null;
            String path = location.group(2);
            String pattern = exact ? path : path.endsWith("/") ? path + "**" : path + "/**";
            paths.computeIfAbsent(location.group(3), key -> new TreeSet<>()).add(pattern);
            ports.computeIfAbsent(location.group(3), key -> new TreeSet<>()).add(Integer.parseInt(location.group(4)));
        }
        return new Routes(paths, ports);
    }

    @SuppressWarnings("unchecked")
    static Object dig(Map<String, Object> yaml, String... keys) {
        Object node = yaml;
        for (String key : keys) {
            node = node instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
        }
        return node;
    }
}
