package dev.flotilla.web.problem;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.flotilla.web.observability.TraceIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and writes RFC 9457 problem bodies. Every problem gets {@code type: about:blank}, the request
 * path as {@code instance} and the {@code traceId} of the request. Filters and error pages use
 * {@link #write} directly, so the body is problem+json whatever the client's {@code Accept} header says.
 */
public class ProblemWriter {

    private final JsonMapper json;
    private final TraceIds traceIds;

    public ProblemWriter(JsonMapper json, TraceIds traceIds) {
        this.json = json;
        this.traceIds = traceIds;
    }

    /** Adds the type, the instance and the trace id to a problem built elsewhere. */
    public ProblemDetail complete(ProblemDetail problem, @Nullable String path) {
        if (problem.getType() == null) {
            problem.setType(URI.create("about:blank"));
        }
        if (problem.getTitle() == null) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            problem.setTitle(status == null ? "Error" : status.getReasonPhrase());
        }
        if (problem.getInstance() == null && path != null) {
            try {
                problem.setInstance(URI.create(safePath(path)));
            } catch (IllegalArgumentException malformed) {
                // A path with a stray '%': the problem goes without an instance.
            }
        }
        String traceId = traceIds.current();
        if (traceId != null && (problem.getProperties() == null || !problem.getProperties().containsKey("traceId"))) {
            problem.setProperty("traceId", traceId);
        }
        return problem;
    }

    /** Writes a problem with this status and detail, and no other properties. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(request, response, ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** Writes a problem, replacing whatever the response held (the response must not be committed). */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        complete(problem, request.getRequestURI());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance() == null ? null : problem.getInstance().toString());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    /** A path as a URI reference: anything that is not a plain path character is percent-encoded. */
    static String safePath(String path) {
        StringBuilder safe = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                safe.append((char) c);
            } else {
                safe.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return safe.toString();
    }
}
