package dev.flotilla.sweep;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What {@link ApiSweep} was told, frozen for one run.
 *
 * @param baseUrl the loopback address of the service
 * @param seed the seed of every random choice
 * @param tokens role to access token, strongest first
 * @param rejectedTokens name to a token the service must refuse (expired, another issuer...)
 * @param values property or parameter name (or dotted path) to the value to send
 * @param pathValues path template prefix to parameter name to value
 * @param bodies operation to a supplier of its valid body (JSON text or an object to serialise)
 * @param headers operation to header name to a supplier of its value
 * @param excluded operations never sent
 * @param destructive operations sent only with inputs they must refuse
 * @param maxRequestsPerOperation the budget of each operation
 * @param timeLimit when the whole sweep stops
 * @param requestTimeout how long one answer may take
 * @param oversizedBodyBytes the size of the oversized body
 * @param protocolProbes whether the service-wide protocol probes are sent
 */
record Settings(URI baseUrl, long seed, Map<String, String> tokens, Map<String, String> rejectedTokens,
        Map<String, JsonNode> values, Map<String, Map<String, String>> pathValues, Map<String, Supplier<?>> bodies,
        Map<String, Map<String, Supplier<String>>> headers, Set<String> excluded, Set<String> destructive,
        int maxRequestsPerOperation, Duration timeLimit, Duration requestTimeout, int oversizedBodyBytes,
        boolean protocolProbes) {

    @Nullable String strongestToken() {
        return tokens.isEmpty() ? null : tokens.values().iterator().next();
    }

    /** Tokens after the strongest, role to token. */
    List<Map.Entry<String, String>> otherTokens() {
        return tokens.entrySet().stream().skip(1).toList();
    }

    /** The value for a path parameter: of the longest matching template prefix, else of its name in {@link #values}. */
    @Nullable String pathValue(String pathTemplate, String name) {
        String best = null;
        for (Map.Entry<String, Map<String, String>> prefix : pathValues.entrySet()) {
            if (pathTemplate.startsWith(prefix.getKey()) && prefix.getValue().containsKey(name)
                    && (best == null || prefix.getKey().length() > best.length())) {
                best = prefix.getKey();
            }
        }
        if (best != null) {
            return pathValues.get(best).get(name);
        }
        JsonNode value = values.get(name);
        return value == null ? null : value.asString();
    }

    @Nullable Supplier<?> body(String operation) {
        return bodies.get(operation);
    }

    @Nullable Supplier<String> header(String operation, String name) {
        Map<String, Supplier<String>> forOperation = headers.get(operation);
        return forOperation == null ? null : forOperation.get(name);
    }
}
