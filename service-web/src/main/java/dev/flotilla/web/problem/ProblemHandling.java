package dev.flotilla.web.problem;

import java.util.List;

import dev.flotilla.web.input.RejectedTextException;
import dev.flotilla.web.input.RequestSizeLimitFilter.PayloadTooLargeException;
import dev.flotilla.web.problem.InvalidFieldsException.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every failure a controller lets through with RFC 9457 problem+json and a status that says
 * whose fault it is: Spring MVC's own exceptions, exceptions that carry their HTTP meaning
 * ({@link ProblemException} and any {@code ErrorResponseException}), bean validation, unreadable
 * bodies, store outages (503 with {@code Retry-After}) and concurrent changes (409). Field problems are
 * listed in {@code errors} as {@code {field, message}}. The body is problem+json whatever the client
 * accepts. A service replaces it by declaring a {@code ResponseEntityExceptionHandler} bean of its own.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final ProblemWriter problems;

    public ProblemHandling(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e, WebRequest request) {
        return answer(HttpStatus.CONFLICT, "the resource was changed at the same time; read it again and retry", request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e, WebRequest request) {
        return answer(HttpStatus.CONFLICT, "the request conflicts with existing data", request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, WebRequest request) {
        log.info("A request broke a store constraint: {}", e.getMostSpecificCause().getMessage());
        return answer(HttpStatus.CONFLICT, "the request conflicts with a rule of the stored data", request);
    }

    /** The service's own store is unreachable, slow or failing over: retrying later may work. */
    @ExceptionHandler
    ResponseEntity<Object> storeUnavailable(Exception e, WebRequest request) throws Exception {
        if (!StoreFailures.isUnavailable(e)) {
            return unexpected(e, request);
        }
        log.warn("A store is unavailable: {}", e.toString());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "a store of the service is unavailable; nothing was changed, try again shortly");
        return createResponseEntity(problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return withErrors("a parameter has the wrong type", List.of(new FieldProblem(e.getName(),
                "must be a " + expected)), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), message(error))).toList();
        List<FieldProblem> global = e.getBindingResult().getGlobalErrors().stream()
                .map(error -> new FieldProblem(error.getObjectName(), String.valueOf(error.getDefaultMessage()))).toList();
        return withErrors("the request has invalid fields",
                java.util.stream.Stream.concat(fields.stream(), global.stream()).toList(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        result.getMethodParameter().getParameterName(), String.valueOf(error.getDefaultMessage()))))
                .toList();
        return withErrors("a parameter is invalid", fields, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = JsonFailures.cause(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage(), request);
        }
        RejectedTextException rejected = JsonFailures.cause(e, RejectedTextException.class);
        if (rejected != null) {
            return withErrors("the request has invalid fields",
                    List.of(new FieldProblem(JsonFailures.fieldPath(rejected), rejected.reason())), request);
        }
        return answer(HttpStatus.BAD_REQUEST, JsonFailures.describe(e), request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatus(statusCode);
        problems.complete(problem, path(request));
        HttpHeaders withType = new HttpHeaders();
        withType.putAll(headers);
        // Set here, so that no Accept header (garbage, image/png) can leave an error without a body.
        withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, withType, statusCode);
    }

    private ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // answered by the security filters: 401 or 403
        }
        log.error("Request failed unexpectedly", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "the service failed to answer; the failure is logged", request);
    }

    private ResponseEntity<Object> answer(HttpStatus status, @Nullable String detail, WebRequest request) {
        return createResponseEntity(ProblemDetail.forStatusAndDetail(status, detail), new HttpHeaders(), status, request);
    }

    private ResponseEntity<Object> withErrors(String detail, List<FieldProblem> fields, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", InvalidFieldsException.errors(fields));
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static @Nullable String path(WebRequest request) {
        HttpServletRequest servlet = request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
        return servlet == null ? null : servlet.getRequestURI();
    }
}
