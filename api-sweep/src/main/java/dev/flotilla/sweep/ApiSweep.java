package dev.flotilla.sweep;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A black-box sweep of a running service on this machine. It reads the service's OpenAPI document
 * ({@code /v3/api-docs}) and sends every operation a valid request with each token, then requests it
 * must refuse (missing fields, wrong types, fractions, enum tricks, bad lengths and ranges, control
 * characters, blank text, malformed and unknown ids, bad bodies and content types, missing and forged
 * tokens) and requests it may accept but must survive (injection strings, long and exotic Unicode
 * text), and a few service-wide HTTP tricks. See {@link Mutation} and {@link SweepReport}.
 *
 * <pre>{@code
 * SweepReport report = ApiSweep.onPort(port)
 *         .token("admin", adminToken).token("customer", customerToken)
 *         .pathValue("/api/things/{id}", "id", thingId)
 *         .run();
 * assertThat(report.findings()).as(report.toString()).isEmpty();
 * }</pre>
 *
 * Deterministic for a seed and the same answers; bounded per operation and overall; refuses any
 * address that is not loopback. Operations are named {@code "POST /api/things"}, as documented.
 */
public final class ApiSweep {

    private final URI baseUrl;
    private long seed = 20_260_101L;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> rejectedTokens = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> pathValues = new LinkedHashMap<>();
    private final Map<String, Supplier<?>> bodies = new HashMap<>();
    private final Map<String, Map<String, Supplier<String>>> headers = new HashMap<>();
    private final Set<String> excluded = new LinkedHashSet<>();
    private final Set<String> destructive = new LinkedHashSet<>();
    private int maxRequestsPerOperation = 150;
    private Duration timeLimit = Duration.ofSeconds(60);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int oversizedBodyBytes = 3 * 1024 * 1024;
    private boolean protocolProbes = true;

    private ApiSweep(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A sweep of {@code http://127.0.0.1:<port>}. */
    public static ApiSweep onPort(int port) {
        return of(URI.create("http://127.0.0.1:" + port));
    }

    /** A sweep of a service on a loopback address. */
    public static ApiSweep of(URI baseUrl) {
        requireLoopback(baseUrl);
        return new ApiSweep(baseUrl);
    }

    /** The seed of every random choice (default fixed). */
    public ApiSweep seed(long newSeed) {
        this.seed = newSeed;
        return this;
    }

    /** A role's access token. The first one given is the strongest: valid requests and mutations use it. */
    public ApiSweep token(String role, String token) {
        tokens.put(role, token);
        return this;
    }

    /** Tokens by role, strongest first (use an ordered map). */
    public ApiSweep tokens(Map<String, String> roleTokens) {
        tokens.putAll(roleTokens);
        return this;
    }

    /** A token the service must refuse on protected operations (expired, another issuer...). */
    public ApiSweep rejectedToken(String name, String token) {
        rejectedTokens.put(name, token);
        return this;
    }

    /** The value of any property or parameter with this name or dotted path ({@code price.currency}). */
    public ApiSweep value(String nameOrPath, Object value) {
        values.put(nameOrPath, value);
        return this;
    }

    /** A real value of a path parameter for the operations whose path template starts with {@code templatePrefix}. */
    public ApiSweep pathValue(String templatePrefix, String name, String value) {
        pathValues.computeIfAbsent(templatePrefix, prefix -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    /** A fresh valid body for each request of an operation: JSON text, or an object serialised to JSON. */
    public ApiSweep body(String operation, Supplier<?> body) {
        bodies.put(operation, body);
        return this;
    }

    /** A fresh valid value of a header for each request of an operation (an {@code If-Match} read just before). */
    public ApiSweep header(String operation, String name, Supplier<String> value) {
        headers.computeIfAbsent(operation, key -> new HashMap<>()).put(name, value);
        return this;
    }

    /** Operations never sent. */
    public ApiSweep exclude(String... operations) {
        excluded.addAll(Arrays.asList(operations));
        return this;
    }

    /** Operations sent only with inputs they must refuse (no valid request, no protocol probes). */
    public ApiSweep destructive(String... operations) {
        destructive.addAll(Arrays.asList(operations));
        return this;
    }

    /** At most this many requests per operation (default 150). */
    public ApiSweep maxRequestsPerOperation(int max) {
        this.maxRequestsPerOperation = max;
        return this;
    }

    /** The sweep stops after this long, noting what it did not reach (default 60 s). */
    public ApiSweep timeLimit(Duration limit) {
        this.timeLimit = limit;
        return this;
    }

    /** How long one answer may take before it counts as none (default 10 s). */
    public ApiSweep requestTimeout(Duration timeout) {
        this.requestTimeout = timeout;
        return this;
    }

    /** The size of the oversized body (default 3 MiB). */
    public ApiSweep oversizedBodyBytes(int bytes) {
        this.oversizedBodyBytes = bytes;
        return this;
    }

    /** Whether to send the service-wide HTTP probes (default true). */
    public ApiSweep protocolProbes(boolean enabled) {
        this.protocolProbes = enabled;
        return this;
    }

    /** Runs the sweep; throws only when the document cannot be read or a setting names an unknown operation. */
    public SweepReport run() {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, JsonNode> given = new LinkedHashMap<>();
        values.forEach((name, value) -> given.put(name, json.valueToTree(value)));
        Settings settings = new Settings(baseUrl, seed, new LinkedHashMap<>(tokens),
                new LinkedHashMap<>(rejectedTokens), given, new LinkedHashMap<>(pathValues), new HashMap<>(bodies),
                new HashMap<>(headers), Set.copyOf(excluded), Set.copyOf(destructive), maxRequestsPerOperation, timeLimit,
                requestTimeout, oversizedBodyBytes, protocolProbes);
        try (HttpClient http = client(requestTimeout)) {
            return new Sweeper(settings, http, json).run();
        }
    }

    static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sweeps and load of any kind go to this machine only. */
    static void requireLoopback(URI baseUrl) {
        if (baseUrl.getHost() == null || !"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("not an http(s) address: " + baseUrl);
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(baseUrl.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("refusing to sweep " + baseUrl + ": " + address
                            + " is not a loopback address");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in " + baseUrl, e);
        }
    }
}
