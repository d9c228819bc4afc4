package dev.flotilla.deployment;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Rendered documents parsed, strictly, into the Kubernetes object model (fabric8's
 * kubernetes-model, which follows the Kubernetes API's OpenAPI definitions): a field the API does not
 * have, a value of the wrong type or an unknown kind is a problem, as {@code kubectl apply
 * --validate=strict} would report against a cluster. The custom resources of the optional operators
 * (External Secrets, KEDA) have no schema here: only their kind and API version are checked, and what
 * {@link ManifestChecks} reads of them.
 */
final class KubernetesObjects {

    /** Kinds of the Kubernetes API the manifests may use, by apiVersion/kind. */
    private static final Map<String, Class<? extends KubernetesResource>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class));
    /** Custom resources of the operators the components use. */
    private static final Set<String> CUSTOM_KINDS = Set.of("external-secrets.io/v1/ExternalSecret",
            "keda.sh/v1alpha1/ScaledObject", "keda.sh/v1alpha1/TriggerAuthentication");
    /** Fields of type Quantity, which the API takes as a number or a string. */
    private static final Pattern QUANTITY = Pattern.compile("\\.(requests|limits)\\.[^.\\[]+$|\\.sizeLimit$|\\.storage$");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private KubernetesObjects() {
    }

    /** What is not a valid object of the API, one sentence per problem. */
    static List<String> problems(List<Map<String, Object>> documents) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> document : documents) {
            String type = document.get("apiVersion") + "/" + document.get("kind");
            String name = type + " " + RouteTable.dig(document, "metadata", "name");
            Class<? extends KubernetesResource> model = KINDS.get(type);
            if (model == null) {
                if (!CUSTOM_KINDS.contains(type)) {
                    problems.add(name + ": not a kind of the Kubernetes API the manifests target");
                } else if (!(document.get("spec") instanceof Map)) {
                    problems.add(name + ": no spec");
                }
                continue;
            }
            try {
                Object parsed = JSON.convertValue(document, model);
                unknownFields(parsed, name, problems);
                coercions(document, JSON.convertValue(parsed, Map.class), name, problems);
            } catch (IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return problems;
    }

    /** The model keeps what it does not know in additionalProperties: each entry is an unknown field. */
    private static void unknownFields(Object node, String path, List<String> problems) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + index++ + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, problems));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class
                    || !getter.getName().startsWith("get")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field " + String.join(", ", unknown.keySet().stream().map(String::valueOf).toList()));
                }
            } else {
                unknownFields(value, path + "." + decapitalize(getter.getName().substring(3)), problems);
            }
        }
    }

    /**
     * A scalar of the wrong kind that the model quietly converted, where the API server would refuse
     * it: {@code true} or {@code 3} unquoted where the API takes a string (an annotation, a label, an
     * environment variable's value), {@code "3"} where it takes a number. Quantities take both.
     */
    private static void coercions(Object original, Object parsed, String path, List<String> problems) {
        if (original instanceof Map<?, ?> map && parsed instanceof Map<?, ?> model) {
            map.forEach((key, value) -> coercions(value, model.get(key), path + "." + key, problems));
        } else if (original instanceof List<?> list && parsed instanceof List<?> model && list.size() == model.size()) {
            for (int index = 0; index < list.size(); index++) {
                coercions(list.get(index), model.get(index), path + "[" + index + "]", problems);
            }
        } else if (!scalar(original).isEmpty() && !scalar(parsed).isEmpty() && !scalar(original).equals(scalar(parsed))
                && !QUANTITY.matcher(path).find()) {
            problems.add(path + ": a " + scalar(original) + " where the API takes a " + scalar(parsed)
                    + (parsed instanceof String ? " (quote it)" : ""));
        }
    }

    /** The kind of a scalar as YAML wrote it or the model holds it; empty for anything else (IntOrString, maps, lists). */
    private static String scalar(Object value) {
        return value instanceof String ? "string" : value instanceof Number ? "number" : value instanceof Boolean ? "boolean" : "";
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
