package dev.flotilla.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the edge does before any route sees a request.
 *
 * <ul>
 *   <li><b>Paths a service could read differently.</b> The gateway matches routes on the path as it
 *       arrives and forwards it as it is; a service's server then decodes and normalises it again. So
 *       {@code /api/products/%2e%2e/%2e%2e/api/stock} would match the product route here and be
 *       {@code /api/stock} there. A path with an encoded dot, slash, backslash or percent sign, a dot
 *       segment, an empty segment or a path parameter is refused with 400.</li>
 *   <li><b>Forwarded headers from the client</b> are dropped: the gateway writes its own (what it saw),
 *       which the services trust. A client must not be able to name its own address.</li>
 *   <li><b>A service that does not answer</b> is a problem document with {@code Retry-After}, not a
 *       500: 503 when it refuses the connection, 504 when it does not answer in time.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EdgeRequestFilter extends OncePerRequestFilter {

    private static final Pattern AMBIGUOUS = Pattern.compile(
            "%2e|%2f|%5c|%25|;|\\\\|//|/\\./|/\\.\\./|/\\.{1,2}$", Pattern.CASE_INSENSITIVE);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (AMBIGUOUS.matcher(request.getRequestURI()).find()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            problem(response, 400, "Bad Request", "the path has an encoded or dot segment, an empty segment or a path parameter");
            return;
        }
        try {
            chain.doFilter(new WithoutClientForwardedHeaders(request), response);
        } catch (ServletException | RuntimeException e) {
            Throwable reason = unreachable(e);
            if (reason == null || response.isCommitted()) {
                throw e;
            }
            Object route = request.getAttribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR);
            String service = route == null ? "the service" : route.toString();
            response.resetBuffer();
            response.setHeader("Retry-After", "5");
            if (reason instanceof ConnectException) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                problem(response, 503, "Service Unavailable", service + " does not answer; try again shortly");
            } else {
                response.setStatus(HttpServletResponse.SC_GATEWAY_TIMEOUT);
                problem(response, 504, "Gateway Timeout", service + " did not answer in time");
            }
        }
    }

    /** The connection refusal or timeout behind a failed forward, or null. */
    private static Throwable unreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof HttpTimeoutException) {
                return cause;
            }
        }
        return null;
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setContentType("application/problem+json");
        // Bytes, not a writer: JSON is UTF-8 and needs no charset parameter.
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static final class WithoutClientForwardedHeaders extends HttpServletRequestWrapper {

        WithoutClientForwardedHeaders(HttpServletRequest request) {
            super(request);
        }

        private static boolean forwarded(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.startsWith("x-forwarded-") || lower.equals("forwarded");
        }

        @Override
        public String getHeader(String name) {
            return forwarded(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return forwarded(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(name -> !forwarded(name)).toList());
        }
    }
}
