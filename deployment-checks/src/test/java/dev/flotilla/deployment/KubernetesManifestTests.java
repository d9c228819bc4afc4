package dev.flotilla.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every overlay of {@code deploy/} (and production with the optional components), rendered by
 * kustomize, is a valid set of Kubernetes objects that follows the workload rules and agrees with the
 * code; and each kind of mistake, made on purpose in a copy of {@code deploy/}, is found.
 */
class KubernetesManifestTests {

    private static final Path ROOT = Path.of(System.getProperty("flotilla.root", "..")).toAbsolutePath().normalize();
    private static final Path DEPLOY = ROOT.resolve("deploy");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"development", "staging", "production"})
    void anOverlayIsValidAndAgreesWithTheCode(String overlay) throws Exception {
        List<Map<String, Object>> documents = Kustomize.render(DEPLOY.resolve("overlays").resolve(overlay));
        assertThat(new ManifestChecks(ROOT, overlay, documents).problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0} with the mesh and KEDA")
    @ValueSource(strings = {"development", "production"})
    void theOptionalComponentsKeepAnOverlayValid(String overlay, @TempDir Path directory) throws Exception {
        Path kustomization = Kustomize.withComponents(directory.resolve(overlay), DEPLOY.resolve("overlays").resolve(overlay),
                "flotilla-" + overlay, List.of(DEPLOY.resolve("components/linkerd"), DEPLOY.resolve("components/keda")));
        List<Map<String, Object>> documents = Kustomize.render(kustomization);
        assertThat(documents).anySatisfy(document -> assertThat(document.get("kind")).isEqualTo("ScaledObject"));
        assertThat(new ManifestChecks(ROOT, overlay, documents).problems()).isEmpty();
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                arguments("production", "base/user-service/config.env", "FLOTILLA_USER_DB_URL=", "FLOTILLA_USER_DATABASE_URL=",
                        "sets FLOTILLA_USER_DATABASE_URL"),
                arguments("production", "base/order-service/deployment.yaml", "containerPort: 8083", "containerPort: 8093",
                        "container port http 8093"),
                arguments("production", "base/product-service/config.env", "PORT=8082", "PORT=8092", "PORT 8092"),
                arguments("production", "base/service-defaults.yaml", "path: /actuator/health/readiness", "path: /health/ready",
                        "readinessProbe asks /health/ready"),
                arguments("production", "base/product-service/deployment.yaml", "image: flotilla/product-service:latest",
                        "image: flotilla/products:latest", "but Jib builds flotilla/product-service"),
                arguments("production", "overlays/production/kustomization.yaml", "newName: registry.flotilla.example/flotilla/user-service",
                        "newName: registry.flotilla.example/flotilla/users", "but Jib builds flotilla/user-service"),
                arguments("staging", "overlays/staging/kustomization.yaml", "newTag: 0.1.0-SNAPSHOT\n  - name: flotilla/order-service",
                        "newTag: stable\n  - name: flotilla/order-service", "image tag stable"),
                arguments("production", "base/ingress.yaml",
                        "          - {path: /api/cart, pathType: Prefix, backend: {service: {name: order-service, port: {name: http}}}}\n", "",
                        "Ingress routes"),
                arguments("production", "base/ingress.yaml", "          # image-service\n",
                        "          - {path: /api/stock, pathType: Prefix, backend: {service: {name: product-service, port: {name: http}}}}\n",
                        "service-to-service only"),
                arguments("production", "base/ingress.yaml", "client-max-body-size: 11m", "client-max-body-size: 1m", "body limit 1m"),
                arguments("production", "base/postgresql/statefulset.yaml", "terminationGracePeriodSeconds: 60",
                        "terminationGracePeriodSeconds: \"60\"", "terminationGracePeriodSeconds: a string where the API takes a number"),
                arguments("development", "overlays/development/user-service-generated-key.yaml", "value: \"true\"", "value: true",
                        "a boolean where the API takes a string"),
                arguments("production", "base/service-defaults.yaml", "    readOnlyRootFilesystem: true", "    readOnlyRootFileSystem: true",
                        "unknown field readOnlyRootFileSystem"),
                arguments("production", "base/redis/statefulset.yaml", "replicas: 1", "replicas: one", "apps/v1/StatefulSet redis: "),
                arguments("production", "base/user-service/poddisruptionbudget.yaml", "apiVersion: policy/v1", "apiVersion: policy/v1beta1",
                        "not a kind of the Kubernetes API"),
                arguments("production", "base/postgresql/statefulset.yaml", "runAsUser: 999", "runAsUser: 0", "no fixed non-root uid"),
                arguments("production", "base/service-defaults.yaml", "    allowPrivilegeEscalation: false", "    allowPrivilegeEscalation: true",
                        "allowPrivilegeEscalation is not false"),
                arguments("production", "base/image-service/deployment.yaml", "            - name: data\n              mountPath: /var/lib/flotilla\n",
                        "", "FLOTILLA_IMAGE_DB_PATH=/var/lib/flotilla/images.db is on no writable volume"),
                arguments("production", "base/product-service/deployment.yaml", "            - name: tmp\n              mountPath: /tmp\n", "",
                        "product-service container product-service: no writable /tmp"),
                arguments("production", "overlays/production/namespace.yaml", "enforce: restricted", "enforce: baseline",
                        "does not enforce the restricted"),
                arguments("production", "base/service-defaults.yaml", "      maxUnavailable: 0", "      maxUnavailable: 1",
                        "maxUnavailable is not 0"),
                arguments("production", "base/service-defaults.yaml", "topologyKey: kubernetes.io/hostname", "topologyKey: kubernetes.io/host",
                        "do not spread across nodes and zones"),
                arguments("production", "base/service-defaults.yaml", "      sleep:\n        seconds: 10", "      sleep:\n        seconds: 1",
                        "no preStop pause"),
                arguments("production", "base/user-service/deployment.yaml", "terminationGracePeriodSeconds: 35",
                        "terminationGracePeriodSeconds: 25", "terminationGracePeriodSeconds 25"),
                arguments("production", "base/service-defaults.yaml", "    periodSeconds: 3\n    timeoutSeconds: 2\n    failureThreshold: 30",
                        "    periodSeconds: 3\n    timeoutSeconds: 2\n    failureThreshold: 5", "the startup probe allows 15 s"),
                arguments("production", "overlays/production/kustomization.yaml", "        value: 10", "        value: 6",
                        "production scales between 3 and 6"),
                arguments("production", "base/user-service/poddisruptionbudget.yaml", "maxUnavailable: 1", "minAvailable: 3",
                        "blocks a node drain"),
                arguments("production", "base/order-service/deployment.yaml", "spec:\n  # No replicas", "spec:\n  replicas: 3\n  # No replicas",
                        "order-service: its Deployment sets replicas (3)"),
                arguments("production", "overlays/production/kustomization.yaml", "  - name: mongodb\n    count: 3", "  - name: mongodb\n    count: 5",
                        "mongodb: 5 members, but the replica-set Job initiates 3"),
                arguments("development", "base/product-service/config.env", "&w=majority", "", "with w=majority"),
                arguments("development", "overlays/development/kustomization.yaml", "      - admin-password=", "      - admin-passwd=",
                        "reads key admin-password of Secret user-service-secrets"),
                arguments("production", "base/network-policies.yaml", "    - Ingress\n    - Egress\n---", "    - Ingress\n---",
                        "no default-deny NetworkPolicy"),
                arguments("production", "base/order-service/networkpolicy.yaml", "        - protocol: TCP\n          port: 8082",
                        "        - protocol: TCP\n          port: 8092", "block order-service->product-service:8082"),
                arguments("production", "base/postgresql/networkpolicy.yaml", "              app.kubernetes.io/name: order-service",
                        "              app.kubernetes.io/component: service", null),
                arguments("production", "base/analytics-service/networkpolicy.yaml",
                        "              kubernetes.io/metadata.name: nginx-ingress", "              kubernetes.io/metadata.name: ingress-nginx",
                        "analytics-service: routed by the Ingress, but no NetworkPolicy admits the Ingress controller"),
                arguments("staging", "overlays/staging/kustomization.yaml", "  - ../../components/external-secrets\n", "",
                        "which nothing in staging provides"));
    }

    @ParameterizedTest(name = "{1}: {4}")
    @MethodSource("breakages")
    void aMistakeIsFound(String overlay, String file, String from, String to, String expected, @TempDir Path copy) throws Exception {
        copyTree(DEPLOY, copy);
        Path changed = copy.resolve(file);
        String original = Files.readString(changed);
        assertThat(original).as("the text to change in " + file).contains(from);
        Files.writeString(changed, original.replace(from, to));
        if (expected == null) {
            // Both ends must be wrong for a connection to pass: open product-service's side too.
            Path product = copy.resolve("base/product-service/networkpolicy.yaml");
            Files.writeString(product, Files.readString(product).replace("  egress:\n", """
                      egress:
                        - to:
                            - podSelector:
                                matchLabels:
                                  app.kubernetes.io/name: postgresql
                    """));
            expected = "let product-service->postgresql:5432 through";
        }
        List<Map<String, Object>> documents = Kustomize.render(copy.resolve("overlays").resolve(overlay));
        String wanted = expected;
        assertThat(new ManifestChecks(ROOT, overlay, documents).problems()).anySatisfy(problem -> assertThat(problem).contains(wanted));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
