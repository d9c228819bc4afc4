package dev.flotilla.deployment;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * One rendered environment of {@code deploy/} held against the rules every workload follows and
 * against the code: what the services listen on, read and call, the images Jib builds, the
 * gateway's route table. Each method adds what disagrees, in words, so that a test shows every
 * problem at once.
 */
final class ManifestChecks {

    /** The slowest container start measured on the build machines (README, Measured: 6 to 25 s). */
    static final int MEASURED_START_SECONDS = 25;
    /** NGINX Ingress Controller: its namespace, which the NetworkPolicies admit, and its body-size annotation. */
    static final String INGRESS_NAMESPACE = "nginx-ingress";
    private static final String BODY_SIZE = "nginx.org/client-max-body-size";
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "Job");
    private static final Pattern SHUTDOWN = Pattern.compile("timeout-per-shutdown-phase: (\\d+)s");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kKmMgG])[bB]?");
    /** Connections the platform makes that no service's configuration names. */
    private static final Set<String> INFRASTRUCTURE = Set.of("mongodb->mongodb:27017", "mongodb-replica-set->mongodb:27017",
            "minio-bucket->minio:9000");

    private final Path root;
    private final String environment;
    private final List<Map<String, Object>> documents;
    private final List<String> problems = new ArrayList<>();

    ManifestChecks(Path root, String environment, List<Map<String, Object>> documents) {
        this.root = root;
        this.environment = environment;
        this.documents = documents;
    }

    /** Every problem found. */
    List<String> problems() throws IOException {
        problems.clear();
        problems.addAll(KubernetesObjects.problems(documents));
        checkNamespace();
        for (Map<String, Object> workload : all(WORKLOADS)) {
            checkPodSecurity(workload);
        }
        Set<String> expected = serviceModules();
        Set<String> deployed = new TreeSet<>();
        for (Map<String, Object> deployment : all(Set.of("Deployment"))) {
            if ("service".equals(labels(deployment).get("app.kubernetes.io/component"))) {
                deployed.add(name(deployment));
                checkService(deployment);
            }
        }
        if (!deployed.equals(expected)) {
            problems.add("the services deployed are " + deployed + ", but the services with an image are " + expected);
        }
        checkStores();
        checkIngress();
        checkNetworkPolicies();
        checkSecrets();
        return List.copyOf(problems);
    }

    private void checkNamespace() {
        List<Map<String, Object>> namespaces = all(Set.of("Namespace"));
        if (namespaces.size() != 1) {
            problems.add("expected one Namespace per environment, found " + namespaces.size());
            return;
        }
        String namespace = name(namespaces.getFirst());
        Map<String, Object> labels = labels(namespaces.getFirst());
        if (!"restricted".equals(labels.get("pod-security.kubernetes.io/enforce"))) {
            problems.add("namespace " + namespace + " does not enforce the restricted Pod Security Standard");
        }
        for (Map<String, Object> document : documents) {
            Object actual = RouteTable.dig(document, "metadata", "namespace");
            if (!"Namespace".equals(document.get("kind")) && !namespace.equals(actual)) {
                problems.add(id(document) + ": in namespace " + actual + ", not " + namespace);
            }
        }
    }

    /** The restricted Pod Security Standard, and the rules of this platform for every pod. */
    private void checkPodSecurity(Map<String, Object> workload) {
        String id = id(workload);
        Map<String, Object> pod = map(RouteTable.dig(workload, "spec", "template", "spec"));
        Map<String, Object> podSecurity = map(pod.get("securityContext"));
        if (Stream.of("hostNetwork", "hostPID", "hostIPC").anyMatch(field -> Boolean.TRUE.equals(pod.get(field)))) {
            problems.add(id + ": shares a namespace of the host");
        }
        if (!"RuntimeDefault".equals(RouteTable.dig(podSecurity, "seccompProfile", "type"))) {
            problems.add(id + ": seccompProfile is not RuntimeDefault");
        }
        if (!(podSecurity.get("runAsUser") instanceof Integer uid) || uid == 0) {
            problems.add(id + ": no fixed non-root uid (runAsUser)");
        }
        if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
            problems.add(id + ": mounts a service account token it does not need");
        }
        Set<String> writable = new TreeSet<>();
        for (Object volume : list(pod.get("volumes"))) {
            Map<String, Object> definition = map(volume);
            if (definition.containsKey("hostPath")) {
                problems.add(id + ": mounts a path of the host");
            }
            if (definition.containsKey("emptyDir") || definition.containsKey("persistentVolumeClaim")) {
                writable.add(String.valueOf(definition.get("name")));
            }
        }
        for (Object claim : list(RouteTable.dig(workload, "spec", "volumeClaimTemplates"))) {
            writable.add(String.valueOf(RouteTable.dig(map(claim), "metadata", "name")));
        }
        for (Object item : concat(list(pod.get("initContainers")), list(pod.get("containers")))) {
            Map<String, Object> container = map(item);
            String where = id + " container " + container.get("name");
            Map<String, Object> security = map(container.get("securityContext"));
            if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                problems.add(where + ": allowPrivilegeEscalation is not false");
            }
            if (!List.of("ALL").equals(RouteTable.dig(security, "capabilities", "drop"))
                    || RouteTable.dig(security, "capabilities", "add") != null) {
                problems.add(where + ": does not drop all capabilities (and add none)");
            }
            if (!Boolean.TRUE.equals(security.get("runAsNonRoot")) && !Boolean.TRUE.equals(podSecurity.get("runAsNonRoot"))) {
                problems.add(where + ": runAsNonRoot is not true");
            }
            if (Boolean.TRUE.equals(security.get("privileged"))) {
                problems.add(where + ": privileged");
            }
            if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
                problems.add(where + ": its root filesystem is not read-only");
            }
            Map<String, Object> resources = map(container.get("resources"));
            if (RouteTable.dig(resources, "requests", "cpu") == null || RouteTable.dig(resources, "requests", "memory") == null
                    || RouteTable.dig(resources, "limits", "memory") == null) {
                problems.add(where + ": needs CPU and memory requests and a memory limit");
            }
            String image = String.valueOf(container.get("image"));
            if (!image.contains(":") || (!environment.startsWith("development") && image.endsWith(":latest"))) {
                problems.add(where + ": image " + image + " has no fixed tag");
            }
            Map<String, String> mounts = new HashMap<>();
            for (Object mount : list(container.get("volumeMounts"))) {
                mounts.put(String.valueOf(map(mount).get("mountPath")), String.valueOf(map(mount).get("name")));
            }
            if (!writable.contains(mounts.getOrDefault("/tmp", "")) && "service".equals(
                    map(RouteTable.dig(workload, "spec", "template", "metadata", "labels")).get("app.kubernetes.io/component"))) {
                problems.add(where + ": no writable /tmp");
            }
            environment(container).forEach((variable, value) -> {
                if (ServiceConfiguration.WRITTEN_PATHS.contains(variable) && mounts.entrySet().stream()
                        .noneMatch(mount -> value.startsWith(mount.getKey() + "/") && writable.contains(mount.getValue()))) {
                    problems.add(where + ": " + variable + "=" + value + " is on no writable volume, and the root filesystem is read-only");
                }
            });
        }
    }

    /** A service's Deployment, and its Service, HPA and PDB, against its code. */
    private void checkService(Map<String, Object> deployment) throws IOException {
        String name = name(deployment);
        if (!Files.isRegularFile(root.resolve(name).resolve("pom.xml"))) {
            problems.add(name + ": no module of that name");
            return;
        }
        ServiceConfiguration configuration = ServiceConfiguration.of(root, name);
        Map<String, Object> pod = map(RouteTable.dig(deployment, "spec", "template", "spec"));
        Map<String, Object> container = map(list(pod.get("containers")).getFirst());

        String image = String.valueOf(container.get("image"));
        JibImages jib = JibImages.of(root);
        int colon = image.lastIndexOf(':');
        String imageName = colon < 0 ? image : image.substring(0, colon);
        String tag = colon < 0 ? "" : image.substring(colon + 1);
        // Jib's name, from a registry of the overlay's choice or none.
        if (!jib.isImageOf(imageName, name)) {
            problems.add(name + ": image " + imageName + ", but Jib builds " + jib.name(name));
        }
        if (!jib.tags().contains(tag)) {
            problems.add(name + ": image tag " + tag + " is none of Jib's " + jib.tags());
        }

        Map<String, Integer> ports = new HashMap<>();
        for (Object port : list(container.get("ports"))) {
            ports.put(String.valueOf(map(port).get("name")), (Integer) map(port).get("containerPort"));
        }
        if (!Objects.equals(ports.get("http"), configuration.port())) {
            problems.add(name + ": container port http " + ports.get("http") + ", but the service listens on " + configuration.port());
        }
        Map<String, String> environment = environment(container);
        for (String variable : environment.keySet()) {
            if (!configuration.reads(variable)) {
                problems.add(name + ": sets " + variable + ", which nothing in its configuration reads");
            }
        }
        if (!String.valueOf(configuration.port()).equals(environment.get("PORT"))) {
            problems.add(name + ": PORT " + environment.get("PORT") + ", but the service's port is " + configuration.port());
        }
        if (String.join(" ", environment.values()).contains("-Xmx")) {
            problems.add(name + ": a fixed -Xmx; the image sizes the heap by -XX:MaxRAMPercentage");
        }

        if (!ServiceConfiguration.hasProbeGroups(root, name)) {
            problems.add(name + ": its configuration has no liveness and readiness groups, which the probes ask");
        }
        checkProbe(name, container, "livenessProbe", "/actuator/health/liveness", ports);
        checkProbe(name, container, "readinessProbe", "/actuator/health/readiness", ports);
        checkProbe(name, container, "startupProbe", "/actuator/health/liveness", ports);
        Map<String, Object> startup = map(container.get("startupProbe"));
        int startBudget = integer(startup.get("periodSeconds"), 10) * integer(startup.get("failureThreshold"), 3);
        if (startBudget < 3 * MEASURED_START_SECONDS || startBudget > 10 * MEASURED_START_SECONDS) {
            problems.add(name + ": the startup probe allows " + startBudget + " s, not 3 to 10 times the measured start ("
                    + MEASURED_START_SECONDS + " s)");
        }
        int pause = integer(RouteTable.dig(map(container.get("lifecycle")), "preStop", "sleep", "seconds"), 0);
        if (pause < 5) {
            problems.add(name + ": no preStop pause of 5 s or more, so the endpoints may still send it requests while it stops");
        }
        String yaml = Files.readString(root.resolve(name).resolve("src/main/resources/application.yaml"));
        int shutdown = yaml.contains("shutdown: graceful") ? Integer.parseInt(Objects.requireNonNullElse(match(SHUTDOWN, yaml), "30")) : 0;
        if (shutdown == 0) {
            problems.add(name + ": its configuration has no graceful shutdown (server.shutdown: graceful)");
        }
        int grace = integer(pod.get("terminationGracePeriodSeconds"), 30);
        if (grace <= pause + shutdown) {
            problems.add(name + ": terminationGracePeriodSeconds " + grace + " is not above the preStop pause (" + pause
                    + " s) and the graceful shutdown (" + shutdown + " s)");
        }

        if (!"RollingUpdate".equals(RouteTable.dig(deployment, "spec", "strategy", "type"))
                || !Integer.valueOf(0).equals(RouteTable.dig(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"))) {
            problems.add(name + ": rolling updates may take a ready pod away (maxUnavailable is not 0)");
        }
        Set<String> spread = new TreeSet<>();
        list(pod.get("topologySpreadConstraints")).forEach(constraint -> spread.add(String.valueOf(map(constraint).get("topologyKey"))));
        if (!spread.containsAll(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"))) {
            problems.add(name + ": its pods do not spread across nodes and zones (" + spread + ")");
        }

        checkServiceObject(name, configuration.port());
        int replicas = checkAutoscaling(name, RouteTable.dig(deployment, "spec", "replicas"));
        checkDisruptionBudget(name, replicas);
    }

    private void checkProbe(String name, Map<String, Object> container, String probe, String path, Map<String, Integer> ports) {
        Map<String, Object> get = map(RouteTable.dig(map(container.get(probe)), "httpGet"));
        if (!path.equals(get.get("path"))) {
            problems.add(name + ": " + probe + " asks " + get.get("path") + ", not Actuator's " + path);
        }
        Object port = get.get("port");
        if (!ports.containsKey(String.valueOf(port)) && !ports.containsValue(port)) {
            problems.add(name + ": " + probe + " on port " + port + ", which the container does not declare");
        }
    }

    private void checkServiceObject(String name, int port) {
        Map<String, Object> service = find("Service", name);
        if (service == null) {
            problems.add(name + ": no Service");
            return;
        }
        if (!name.equals(RouteTable.dig(service, "spec", "selector", "app.kubernetes.io/name"))) {
            problems.add(name + ": its Service selects " + RouteTable.dig(service, "spec", "selector"));
        }
        boolean http = list(RouteTable.dig(service, "spec", "ports")).stream().map(ManifestChecks::map)
                .anyMatch(entry -> "http".equals(entry.get("name")) && Objects.equals(port, entry.get("port"))
                        && List.of("http", port).contains(entry.get("targetPort")));
        if (!http) {
            problems.add(name + ": its Service has no port http " + port + " to the container's port " + port);
        }
        if (find("ServiceAccount", name) == null || !name.equals(RouteTable.dig(find("Deployment", name), "spec", "template",
                "spec", "serviceAccountName"))) {
            problems.add(name + ": no ServiceAccount of its own");
        }
    }

    /** The autoscaler owns the replicas (an apply must not reset them); returns the fewest it keeps. */
    private int checkAutoscaling(String name, Object replicas) {
        Map<String, Object> hpa = find("HorizontalPodAutoscaler", name);
        Map<String, Object> keda = find("ScaledObject", name);
        if (hpa == null && keda == null) {
            problems.add(name + ": no HorizontalPodAutoscaler (or KEDA ScaledObject)");
            return integer(replicas, 1);
        }
        if (replicas != null) {
            problems.add(name + ": its Deployment sets replicas (" + replicas + "), which its autoscaler owns: every apply would reset them");
        }
        Map<String, Object> spec = map((hpa != null ? hpa : keda).get("spec"));
        if (!name.equals(RouteTable.dig(spec, "scaleTargetRef", "name"))) {
            problems.add(name + ": its autoscaler scales " + RouteTable.dig(spec, "scaleTargetRef", "name"));
        }
        int min = integer(spec.get(hpa != null ? "minReplicas" : "minReplicaCount"), 1);
        int max = integer(spec.get(hpa != null ? "maxReplicas" : "maxReplicaCount"), 0);
        if (min < 1 || min > max) {
            problems.add(name + ": its autoscaler's bounds " + min + "-" + max + " are not a range");
        }
        if (hpa != null && environment.startsWith("production") && (min != 3 || max != 10)) {
            problems.add(name + ": production scales between " + min + " and " + max + ", not 3 and 10");
        }
        return min;
    }

    /** A PDB that lets a node drain go on: at least one pod may always be evicted. */
    private void checkDisruptionBudget(String name, int replicas) {
        Map<String, Object> pdb = find("PodDisruptionBudget", name);
        if (pdb == null) {
            problems.add(name + ": no PodDisruptionBudget");
            return;
        }
        Object maxUnavailable = RouteTable.dig(pdb, "spec", "maxUnavailable");
        Object minAvailable = RouteTable.dig(pdb, "spec", "minAvailable");
        boolean drains = maxUnavailable instanceof Integer max ? max >= 1
                : minAvailable instanceof Integer min && min < replicas;
        if (!drains) {
            problems.add(name + ": its PodDisruptionBudget (maxUnavailable " + maxUnavailable + ", minAvailable " + minAvailable
                    + ") blocks a node drain with " + replicas + " replicas");
        }
    }

    /** The replica set's members, the Job that initiates it and the services' seed lists agree; majority writes. */
    private void checkStores() {
        Map<String, Object> mongodb = find("StatefulSet", "mongodb");
        if (mongodb == null) {
            problems.add("no MongoDB StatefulSet");
            return;
        }
        int members = integer(RouteTable.dig(mongodb, "spec", "replicas"), 1);
        Map<String, Object> job = find("Job", "mongodb-replica-set");
        String wanted = job == null ? null
                : environment(map(list(RouteTable.dig(job, "spec", "template", "spec", "containers")).getFirst())).get("MONGODB_MEMBERS");
        if (!String.valueOf(members).equals(wanted)) {
            problems.add("mongodb: " + members + " members, but the replica-set Job initiates " + wanted);
        }
        for (Map<String, Object> deployment : all(Set.of("Deployment"))) {
            environment(container(deployment)).forEach((variable, value) -> {
                if (value.startsWith("mongodb://")) {
                    Set<String> hosts = new TreeSet<>(List.of(value.substring(10).split("[/?]")[0].split(",")));
                    Set<String> all = new TreeSet<>();
                    for (int n = 0; n < members; n++) {
                        all.add("mongodb-" + n + ".mongodb:27017");
                    }
                    if (!hosts.equals(all)) {
                        problems.add(name(deployment) + ": " + variable + " seeds " + hosts + ", but the replica set has " + all);
                    }
                    if (!value.contains("replicaSet=rs0") || !value.contains("w=majority")) {
                        problems.add(name(deployment) + ": " + variable + " does not write to replica set rs0 with w=majority");
                    }
                }
            });
        }
        for (Map<String, Object> statefulSet : all(Set.of("StatefulSet"))) {
            if (list(RouteTable.dig(statefulSet, "spec", "volumeClaimTemplates")).isEmpty()) {
                problems.add(id(statefulSet) + ": no PersistentVolumeClaim");
            }
            Map<String, Object> service = find("Service", String.valueOf(RouteTable.dig(statefulSet, "spec", "serviceName")));
            if (service == null || !"None".equals(RouteTable.dig(service, "spec", "clusterIP"))) {
                problems.add(id(statefulSet) + ": its governing Service is missing or not headless");
            }
        }
    }

    /** The Ingress routes exactly the gateway's table, to the right services, over TLS, with image-service's body limit. */
    private void checkIngress() throws IOException {
        List<Map<String, Object>> ingresses = all(Set.of("Ingress"));
        if (ingresses.size() != 1) {
            problems.add("expected one Ingress, found " + ingresses.size());
            return;
        }
        Map<String, Object> ingress = ingresses.getFirst();
        Map<String, Set<String>> paths = new TreeMap<>();
        Set<String> hosts = new TreeSet<>();
        for (Object rule : list(RouteTable.dig(ingress, "spec", "rules"))) {
            hosts.add(String.valueOf(map(rule).get("host")));
            for (Object item : list(RouteTable.dig(map(rule), "http", "paths"))) {
                Map<String, Object> path = map(item);
                String service = String.valueOf(RouteTable.dig(path, "backend", "service", "name"));
                String value = String.valueOf(path.get("path"));
                Set<String> patterns = paths.computeIfAbsent(service, key -> new TreeSet<>());
                switch (String.valueOf(path.get("pathType"))) {
                    case "Exact" -> patterns.add(value);
                    case "Prefix" -> {
                        if (value.endsWith("/")) {
                            patterns.add(value + "**");
                        } else {
                            patterns.add(value);
                            patterns.add(value + "/**");
                        }
                    }
                    default -> problems.add("Ingress: " + value + " has pathType " + path.get("pathType") + ", whose matching is not portable");
                }
                if (value.startsWith("/api/stock")) {
                    problems.add("Ingress routes " + value + ", which is service-to-service only");
                }
                Object port = RouteTable.dig(path, "backend", "service", "port", "name");
                Map<String, Object> target = find("Service", service);
                if (target == null || list(RouteTable.dig(target, "spec", "ports")).stream().noneMatch(p -> Objects.equals(map(p).get("name"), port))) {
                    problems.add("Ingress: " + value + " goes to " + service + " port " + port + ", which no Service has");
                }
            }
        }
        RouteTable.Routes gateway = RouteTable.ofGateway(Files.readString(root.resolve("gateway/src/main/resources/application.yaml")));
        if (!gateway.paths().equals(paths)) {
            problems.add("Ingress routes " + paths + ", but the gateway routes " + gateway.paths());
        }
        Set<String> tls = new TreeSet<>();
        for (Object entry : list(RouteTable.dig(ingress, "spec", "tls"))) {
            tls.addAll(list(map(entry).get("hosts")).stream().map(String::valueOf).toList());
            if (map(entry).get("secretName") == null) {
                problems.add("Ingress: a TLS entry without a secretName");
            }
        }
        if (!tls.containsAll(hosts)) {
            problems.add("Ingress: hosts " + hosts + " but TLS only for " + tls);
        }
        Map<String, Object> annotations = map(RouteTable.dig(ingress, "metadata", "annotations"));
        Map<String, Object> imageService = new Yaml().load(Files.readString(root.resolve("image-service/src/main/resources/application.yaml")));
        long limit = bytes(String.valueOf(RouteTable.dig(imageService, "flotilla", "web", "max-request-size")));
        long body = bytes(String.valueOf(annotations.get(BODY_SIZE)));
        if (body != limit) {
            problems.add("Ingress: body limit " + annotations.get(BODY_SIZE)
                    + ", but image-service takes requests up to " + RouteTable.dig(imageService, "flotilla", "web", "max-request-size"));
        }
    }

    /**
     * Default deny, DNS for all, the Ingress controller to every routed service, and between the
     * workloads exactly the connections their configuration names: each service to the stores and
     * services its environment points at, and no pair that nothing names.
     */
    private void checkNetworkPolicies() {
        List<Map<String, Object>> policies = all(Set.of("NetworkPolicy"));
        boolean denyAll = policies.stream().anyMatch(policy -> map(RouteTable.dig(policy, "spec", "podSelector")).isEmpty()
                && list(RouteTable.dig(policy, "spec", "policyTypes")).containsAll(List.of("Ingress", "Egress"))
                && list(RouteTable.dig(policy, "spec", "ingress")).isEmpty() && list(RouteTable.dig(policy, "spec", "egress")).isEmpty());
        if (!denyAll) {
            problems.add("no default-deny NetworkPolicy (all pods, Ingress and Egress, no rule)");
        }
        boolean dns = policies.stream().anyMatch(policy -> map(RouteTable.dig(policy, "spec", "podSelector")).isEmpty()
                && list(RouteTable.dig(policy, "spec", "egress")).stream().anyMatch(rule -> list(map(rule).get("ports")).stream()
                        .anyMatch(port -> Integer.valueOf(53).equals(map(port).get("port")) && "UDP".equals(map(port).get("protocol")))));
        if (!dns) {
            problems.add("no NetworkPolicy lets every pod reach DNS");
        }

        Map<String, Map<String, Object>> pods = new LinkedHashMap<>();
        Map<String, Set<Integer>> podPorts = new HashMap<>();
        for (Map<String, Object> workload : all(WORKLOADS)) {
            Map<String, Object> labels = map(RouteTable.dig(workload, "spec", "template", "metadata", "labels"));
            String app = String.valueOf(labels.get("app.kubernetes.io/name"));
            pods.put(app, labels);
            for (Object container : list(RouteTable.dig(workload, "spec", "template", "spec", "containers"))) {
                list(map(container).get("ports")).forEach(port -> podPorts.computeIfAbsent(app, key -> new TreeSet<>())
                        .add((Integer) map(port).get("containerPort")));
            }
        }
        Set<String> needed = new TreeSet<>(INFRASTRUCTURE);
        for (Map<String, Object> deployment : all(Set.of("Deployment"))) {
            for (String target : targets(environment(container(deployment)))) {
                needed.add(name(deployment) + "->" + target);
            }
        }
        for (Map.Entry<String, Map<String, Object>> from : pods.entrySet()) {
            for (Map.Entry<String, Map<String, Object>> to : pods.entrySet()) {
                for (Integer port : podPorts.getOrDefault(to.getKey(), Set.of())) {
                    String connection = from.getKey() + "->" + to.getKey() + ":" + port;
                    boolean allowed = allows(policies, from.getValue(), to.getValue(), port, "Egress")
                            && allows(policies, from.getValue(), to.getValue(), port, "Ingress");
                    if (allowed && !needed.contains(connection)) {
                        problems.add("NetworkPolicies let " + connection + " through, which no configuration names");
                    }
                    if (!allowed && needed.contains(connection)) {
                        problems.add("NetworkPolicies block " + connection + ", which " + from.getKey() + "'s configuration names");
                    }
                }
            }
        }
        for (Map<String, Object> deployment : all(Set.of("Deployment"))) {
            String service = name(deployment);
            boolean routed = list(RouteTable.dig(all(Set.of("Ingress")).stream().findFirst().orElse(Map.of()), "spec", "rules")).stream()
                    .flatMap(rule -> list(RouteTable.dig(map(rule), "http", "paths")).stream())
                    .anyMatch(path -> service.equals(RouteTable.dig(map(path), "backend", "service", "name")));
            boolean fromController = policies.stream().anyMatch(policy -> selects(map(RouteTable.dig(policy, "spec", "podSelector")), pods.get(service))
                    && list(RouteTable.dig(policy, "spec", "ingress")).stream().anyMatch(rule -> list(map(rule).get("from")).stream()
                            .anyMatch(peer -> INGRESS_NAMESPACE.equals(RouteTable.dig(map(peer), "namespaceSelector", "matchLabels",
                                    "kubernetes.io/metadata.name")))));
            if (routed && !fromController) {
                problems.add(service + ": routed by the Ingress, but no NetworkPolicy admits the Ingress controller");
            }
        }
    }

    /** What a service's environment points at: host names of URLs and *_HOST variables, as app:port. */
    private static Set<String> targets(Map<String, String> environment) {
        Set<String> targets = new TreeSet<>();
        environment.forEach((variable, value) -> {
            if (value.matches("[a-z]+(:[a-z]+)?://.*")) {
                String address = value.substring(value.indexOf("//") + 2).split("[/?]")[0];
                for (String host : address.split(",")) {
                    URI uri = URI.create("tcp://" + host);
                    String app = uri.getHost().replaceFirst("-\\d+\\.[a-z-]+$", "");
                    int port = uri.getPort() > 0 ? uri.getPort() : value.startsWith("https") ? 443 : 80;
                    targets.add(app + ":" + port);
                }
            }
            if (variable.endsWith("_HOST")) {
                targets.add(value + ":" + environment.get(variable.substring(0, variable.length() - 4) + "PORT"));
            }
        });
        return targets;
    }

    /** Whether some policy of the given direction selecting the pod admits the peer on the port. */
    private static boolean allows(List<Map<String, Object>> policies, Map<String, Object> from, Map<String, Object> to, int port,
            String direction) {
        Map<String, Object> subject = direction.equals("Egress") ? from : to;
        Map<String, Object> peer = direction.equals("Egress") ? to : from;
        String rules = direction.equals("Egress") ? "egress" : "ingress";
        String peers = direction.equals("Egress") ? "to" : "from";
        boolean isolated = false;
        for (Map<String, Object> policy : policies) {
            if (!selects(map(RouteTable.dig(policy, "spec", "podSelector")), subject)
                    || !list(RouteTable.dig(policy, "spec", "policyTypes")).contains(direction)) {
                continue;
            }
            isolated = true;
            for (Object item : list(RouteTable.dig(policy, "spec", rules))) {
                Map<String, Object> rule = map(item);
                boolean portMatches = list(rule.get("ports")).isEmpty()
                        || list(rule.get("ports")).stream().anyMatch(p -> Objects.equals(port, map(p).get("port")));
                boolean peerMatches = !rule.containsKey(peers) || list(rule.get(peers)).stream().anyMatch(entry -> {
                    Map<String, Object> selector = map(entry);
                    return selector.containsKey("podSelector") && !selector.containsKey("namespaceSelector")
                            && selects(map(selector.get("podSelector")), peer);
                });
                if (portMatches && peerMatches) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    /** A label selector (matchLabels, matchExpressions with In) against a pod's labels; {} selects all. */
    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        if (labels == null) {
            return false;
        }
        for (Map.Entry<String, Object> label : map(selector.get("matchLabels")).entrySet()) {
            if (!Objects.equals(label.getValue(), labels.get(label.getKey()))) {
                return false;
            }
        }
        for (Object item : list(selector.get("matchExpressions"))) {
            Map<String, Object> expression = map(item);
            boolean in = list(expression.get("values")).contains(labels.get(String.valueOf(expression.get("key"))));
            if (!("In".equals(expression.get("operator")) ? in : !in)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every Secret a pod reads exists with that key: generated (development) or made by an
     * ExternalSecret; outside development no Secret with values is committed.
     */
    private void checkSecrets() {
        Map<String, Set<String>> available = new HashMap<>();
        for (Map<String, Object> secret : all(Set.of("Secret"))) {
            if (!environment.startsWith("development")) {
                problems.add(id(secret) + ": a Secret with values in " + environment + "; they come from the external store");
            }
            available.put(name(secret), new TreeSet<>(map(secret.get("data")).keySet()));
        }
        for (Map<String, Object> external : all(Set.of("ExternalSecret"))) {
            Set<String> keys = new TreeSet<>();
            list(RouteTable.dig(external, "spec", "data")).forEach(entry -> keys.add(String.valueOf(map(entry).get("secretKey"))));
            available.put(String.valueOf(RouteTable.dig(external, "spec", "target", "name")), keys);
        }
        for (Map<String, Object> workload : all(WORKLOADS)) {
            for (Object container : list(RouteTable.dig(workload, "spec", "template", "spec", "containers"))) {
                for (Object variable : list(map(container).get("env"))) {
                    Map<String, Object> reference = map(RouteTable.dig(map(variable), "valueFrom", "secretKeyRef"));
                    if (!reference.isEmpty()) {
                        Set<String> keys = available.get(String.valueOf(reference.get("name")));
                        if (keys == null || !keys.contains(String.valueOf(reference.get("key")))) {
                            problems.add(id(workload) + ": reads key " + reference.get("key") + " of Secret " + reference.get("name")
                                    + ", which nothing in " + environment + " provides");
                        }
                    }
                }
                for (Object source : list(map(container).get("envFrom"))) {
                    Object configMap = RouteTable.dig(map(source), "configMapRef", "name");
                    if (configMap != null && find("ConfigMap", String.valueOf(configMap)) == null) {
                        problems.add(id(workload) + ": reads ConfigMap " + configMap + ", which does not exist");
                    }
                }
            }
        }
    }

    /** The modules Jib builds an image of, but the gateway: the Ingress is the gateway of Kubernetes. */
    private Set<String> serviceModules() throws IOException {
        Set<String> services = new TreeSet<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(path -> Files.isRegularFile(path.resolve("pom.xml"))).toList()) {
                if (Files.readString(module.resolve("pom.xml")).contains("<artifactId>jib-maven-plugin</artifactId>")
                        && !module.getFileName().toString().equals("gateway") && !module.equals(root)) {
                    services.add(module.getFileName().toString());
                }
            }
        }
        return services;
    }

    /** A container's environment: its ConfigMaps' entries, then its own variables (values of references as text). */
    private Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object source : list(container.get("envFrom"))) {
            Map<String, Object> configMap = find("ConfigMap", String.valueOf(RouteTable.dig(map(source), "configMapRef", "name")));
            if (configMap != null) {
                map(configMap.get("data")).forEach((key, value) -> environment.put(key, String.valueOf(value)));
            }
        }
        for (Object variable : list(container.get("env"))) {
            Map<String, Object> entry = map(variable);
            environment.put(String.valueOf(entry.get("name")), entry.containsKey("value") ? String.valueOf(entry.get("value")) : "(reference)");
        }
        return environment;
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        return map(list(RouteTable.dig(workload, "spec", "template", "spec", "containers")).getFirst());
    }

    private List<Map<String, Object>> all(Set<String> kinds) {
        return documents.stream().filter(document -> kinds.contains(String.valueOf(document.get("kind")))).toList();
    }

    private Map<String, Object> find(String kind, String name) {
        return documents.stream().filter(document -> kind.equals(document.get("kind")) && name.equals(name(document)))
                .findFirst().orElse(null);
    }

    private static String name(Map<String, Object> document) {
        return String.valueOf(RouteTable.dig(document, "metadata", "name"));
    }

    private static String id(Map<String, Object> document) {
        return document.get("kind") + " " + name(document);
    }

    private static Map<String, Object> labels(Map<String, Object> document) {
        return map(RouteTable.dig(document, "metadata", "labels"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<Object> list(Object node) {
        return node instanceof List<?> list ? new ArrayList<>(list) : List.of();
    }

    private static List<Object> concat(List<Object> first, List<Object> second) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static int integer(Object value, int otherwise) {
        return value instanceof Integer number ? number : otherwise;
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** 11MB, 11m, 11Mi: bytes, in the binary units both Spring and nginx use. */
    private static long bytes(String size) {
        Matcher matcher = SIZE.matcher(size);
        if (!matcher.find()) {
            return -1;
        }
        long unit = switch (Character.toLowerCase(matcher.group(2).charAt(0))) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            default -> 1024L * 1024 * 1024;
        };
        return Long.parseLong(matcher.group(1)) * unit;
    }
}
