package dev.flotilla.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.opentest4j.TestAbortedException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a kustomization with {@code kubectl kustomize}, as {@code kubectl apply -k} would: the
 * documents it prints, one map per object. Without kubectl the checks cannot run: they are skipped
 * and say what to install, unless {@code FLOTILLA_KUBECTL=required} (CI), where they fail.
 */
final class Kustomize {

    private Kustomize() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(Path kustomization) throws IOException, InterruptedException {
        Process kubectl;
        try {
            kubectl = new ProcessBuilder(kubectl(), "kustomize", kustomization.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            String missing = "kubectl is not installed (Debian: apt-get install kubectl; or any kubectl 1.27+ on the PATH, "
                    + "or KUBECTL=/path/to/kubectl)";
            if ("required".equals(System.getenv("FLOTILLA_KUBECTL"))) {
                throw new IllegalStateException(missing, e);
            }
            throw new TestAbortedException(missing + ": the Kubernetes manifest checks are skipped");
        }
        byte[] out = kubectl.getInputStream().readAllBytes();
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + kustomization + " failed: " + err.strip());
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(new String(out, StandardCharsets.UTF_8))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    /**
     * A kustomization in {@code directory} made of an overlay plus optional components in its
     * namespace, as when an operator adds them to the overlay's list; paths relative, as kustomize
     * requires.
     */
    static Path withComponents(Path directory, Path overlay, String namespace, List<Path> components) throws IOException {
        Files.createDirectories(directory);
        StringBuilder text = new StringBuilder("""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: %s
                resources:
                  - %s
                components:
                """.formatted(namespace, relative(directory, overlay)));
        components.forEach(component -> text.append("  - ").append(relative(directory, component)).append('\n'));
        Files.writeString(directory.resolve("kustomization.yaml"), text);
        return directory;
    }

    private static String relative(Path from, Path to) {
        return from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize()).toString();
    }

    private static String kubectl() {
        String configured = System.getenv("KUBECTL");
        return configured != null && !configured.isBlank() ? configured : "kubectl";
    }
}
