package dev.flotilla.web.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flotilla.web.problem.InvalidFieldsException;
import dev.flotilla.web.problem.InvalidFieldsException.FieldProblem;
import dev.flotilla.web.input.RequestSizeLimitFilter.PayloadTooLargeException;
import dev.flotilla.web.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Screens what a request carries outside its body before anything else reads it: a {@code Content-Type}
 * that is not one concrete media type ({@code *}{@code /*}, {@code application/*}, garbage) is 415, and
 * every query parameter, name and value, goes through the {@link TextPolicy} (400 naming the parameter;
 * values reach the controllers NFC-normalised).
 */
public class RequestScreeningFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public RequestScreeningFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !isConcrete(contentType)) {
            problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be one concrete media type, such as application/json");
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) {
            // Tomcat parses form and multipart bodies here and throws when they cannot be read.
            unreadableParameters(request, response, e);
            return;
        }
        if (parameters.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        List<FieldProblem> rejected = new ArrayList<>();
        Map<String, String[]> cleaned = clean(parameters, rejected);
        if (!rejected.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "a parameter is invalid");
            problem.setProperty("errors", InvalidFieldsException.errors(rejected));
            problems.write(request, response, problem);
            return;
        }
        chain.doFilter(same(cleaned, parameters) ? request : new CleanedParameters(request, cleaned), response);
    }

    private void unreadableParameters(HttpServletRequest request, HttpServletResponse response, IllegalStateException e)
            throws IOException {
        if (causedByASizeLimit(e)) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "the request body or one of its parts is too large");
        } else {
            problems.write(request, response, HttpStatus.BAD_REQUEST,
                    "the request's parameters or its form or multipart body cannot be read");
        }
    }

    /** Tomcat's file-upload size exceptions (FileSizeLimitExceededException and the like), by name. */
    private static boolean causedByASizeLimit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("SizeLimitExceeded") || cause instanceof PayloadTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConcrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isConcrete();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean same(Map<String, String[]> cleaned, Map<String, String[]> parameters) {
        return cleaned.keySet().equals(parameters.keySet())
                && cleaned.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), parameters.get(e.getKey())));
    }

    private static Map<String, String[]> clean(Map<String, String[]> parameters, List<FieldProblem> rejected) {
        Map<String, String[]> cleaned = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            String cleanName = cleanText(name, "parameter name", rejected);
            String[] cleanValues = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                cleanValues[i] = cleanText(values[i], cleanName, rejected);
            }
            cleaned.put(cleanName, cleanValues);
        });
        return cleaned;
    }

    private static String cleanText(String text, String field, List<FieldProblem> rejected) {
        try {
            return TextPolicy.apply(text);
        } catch (TextPolicy.Rejected e) {
            rejected.add(new FieldProblem(TextPolicy.problem(field).isPresent() ? "parameter" : field, e.getMessage()));
            return text;
        }
    }

    /** The request with its parameters as the policy normalised them. */
    private static final class CleanedParameters extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        CleanedParameters(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = Collections.unmodifiableMap(parameters);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }
}
