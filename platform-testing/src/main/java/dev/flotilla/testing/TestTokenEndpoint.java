package dev.flotilla.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code POST /oauth2/token} of {@link TestJwtIssuer}: the client-credentials grant with the wire
 * behaviour of user-service's endpoint: a form body, {@code client_secret_basic} (id and secret
 * form-encoded, then Base64) or {@code client_secret_post}, not both; a JSON token response with
 * {@code Cache-Control: no-store}; errors as problem+json with the RFC 6749 {@code error} and
 * {@code error_description} members, {@code invalid_client} a 401 with {@code WWW-Authenticate: Basic}.
 */
final class TestTokenEndpoint implements HttpHandler {

    static final String PATH = "/oauth2/token";
    private static final String FORM = "application/x-www-form-urlencoded";

    /** A refusal, as user-service words it. */
    private record Refusal(int status, String title, String error, String description) {
    }

    private static final Refusal INVALID_CLIENT = new Refusal(401, "Unauthorized", "invalid_client",
            "client authentication failed");

    private final TestJwtIssuer issuer;

    TestTokenEndpoint(TestJwtIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                problem(exchange, 405, "Method Not Allowed", null, "use POST");
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
                problem(exchange, 415, "Unsupported Media Type", null, "Content-Type '" + contentType + "' is not supported");
                return;
            }
            Map<String, List<String>> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Refusal refusal = refusal(exchange, form);
            if (refusal != null) {
                problem(exchange, refusal.status(), refusal.title(), refusal.error(), refusal.description());
                return;
            }
            byte[] body = JSONObjectUtils.toJSONString(Map.of("access_token", issuer.issueClientToken(),
                    "token_type", "Bearer", "expires_in", issuer.clientTokenTtl().toSeconds())).getBytes(StandardCharsets.UTF_8);
            send(exchange, 200, "application/json", body);
        }
    }

    /** Why the request is refused, in user-service's order of checks, or {@code null}. */
    private static Refusal refusal(HttpExchange exchange, Map<String, List<String>> form) {
        if (exchange.getRequestURI().getRawQuery() != null) {
            return invalidRequest("parameters belong in the form-encoded body, not in the URL");
        }
        for (String name : List.of("grant_type", "client_id", "client_secret", "scope")) {
            if (form.getOrDefault(name, List.of()).size() > 1) {
                return invalidRequest(name + " is given more than once");
            }
        }
        String grantType = first(form, "grant_type");
        if (grantType == null || grantType.isEmpty()) {
            return invalidRequest("grant_type is missing");
        }
        if (!grantType.equals("client_credentials")) {
            return new Refusal(400, "Bad Request", "unsupported_grant_type", "only grant_type=client_credentials is supported");
        }
        String scope = first(form, "scope");
        if (scope != null && !scope.isEmpty()) {
            return new Refusal(400, "Bad Request", "invalid_scope", "no scopes are defined; leave scope out");
        }
        String[] credentials = credentials(exchange.getRequestHeaders().getFirst("Authorization"), form);
        boolean valid = credentials != null && TestJwtIssuer.CLIENT_ID.equals(credentials[0])
                && TestJwtIssuer.CLIENT_SECRET.equals(credentials[1]);
        return valid ? null : INVALID_CLIENT;
    }

    /** The id and secret of exactly one authentication method, or {@code null}. */
    private static String[] credentials(String authorization, Map<String, List<String>> form) {
        boolean basic = authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("basic ");
        boolean post = form.containsKey("client_id") || form.containsKey("client_secret");
        if (basic == post) {
            return null;
        }
        if (post) {
            return form.getOrDefault("client_id", List.of()).size() == 1 && form.getOrDefault("client_secret", List.of()).size() == 1
                    ? new String[] {first(form, "client_id"), first(form, "client_secret")} : null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Refusal invalidRequest(String description) {
        return new Refusal(400, "Bad Request", "invalid_request", description);
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null ? null : values.getFirst();
    }

    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return form;
    }

    private static void problem(HttpExchange exchange, int status, String title, String error, String description)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", description);
        problem.put("instance", PATH);
        if (error != null) {
            problem.put("error", error);
            problem.put("error_description", description);
        }
        if (status == 401) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"flotilla\"");
        }
        send(exchange, status, "application/problem+json", JSONObjectUtils.toJSONString(problem).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.getResponseHeaders().add("Pragma", "no-cache");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
