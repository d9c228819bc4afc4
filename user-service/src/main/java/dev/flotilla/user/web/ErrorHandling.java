package dev.flotilla.user.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.flotilla.user.account.AccountNotFoundException;
import dev.flotilla.user.account.EmailTakenException;
import dev.flotilla.user.auth.AuthExceptions.InvalidRefreshTokenException;
import dev.flotilla.user.auth.AuthExceptions.LoginFailedException;
import dev.flotilla.user.auth.AuthExceptions.SessionNotFoundException;
import dev.flotilla.user.auth.AuthExceptions.SessionStoreUnavailableException;
import dev.flotilla.user.auth.AuthExceptions.TooManyLoginAttemptsException;
import dev.flotilla.user.reference.UnknownCountryException;
import dev.flotilla.user.web.InvalidFieldsException.FieldProblem;
import dev.flotilla.user.web.RequestSizeLimitFilter.PayloadTooLargeException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every failure to RFC 9457 problem+json with a status that says whose fault it is. Field
 * problems are listed in {@code errors} as {@code {field, message}}, the same for bean validation and
 * for rules checked by the services.
 */
@RestControllerAdvice
class ErrorHandling extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalidFields(InvalidFieldsException e) {
        return withErrors(problem(HttpStatus.BAD_REQUEST, "the request has invalid fields"), e.problems());
    }

    @ExceptionHandler(EmailTakenException.class)
    ProblemDetail emailTaken(EmailTakenException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({AccountNotFoundException.class, SessionNotFoundException.class,
            UnknownCountryException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({LoginFailedException.class, InvalidRefreshTokenException.class})
    ProblemDetail unauthorized(RuntimeException e) {
        return problem(HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    @ExceptionHandler(TooManyLoginAttemptsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyLoginAttemptsException e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage() + "; retry in " + seconds + " s");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }

    @ExceptionHandler(SessionStoreUnavailableException.class)
    ResponseEntity<ProblemDetail> sessionStoreUnavailable(SessionStoreUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    /** The service's own store cannot be reached: the client may retry, the request changed nothing. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(DataAccessResourceFailureException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "the service's database is unavailable; try again shortly"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "the account was changed at the same time; read it again and retry");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return withErrors(problem(HttpStatus.BAD_REQUEST, "a parameter has the wrong type"),
                List.of(new FieldProblem(e.getName(), "must be a " + expected)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), message(error))).toList();
        return ResponseEntity.badRequest().body(withErrors(problem(HttpStatus.BAD_REQUEST, "the request has invalid fields"), problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        result.getMethodParameter().getParameterName(), String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(withErrors(problem(HttpStatus.BAD_REQUEST, "a parameter is invalid"), problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (cause(e, PayloadTooLargeException.class) != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(problem(HttpStatus.CONTENT_TOO_LARGE, cause(e, PayloadTooLargeException.class).getMessage()));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, unreadable(e)));
    }

    private static String unreadable(HttpMessageNotReadableException e) {
        UnrecognizedPropertyException unknown = cause(e, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        DatabindException binding = cause(e, DatabindException.class);
        if (binding != null && !binding.getPath().isEmpty()) {
            return "field '" + fieldPath(binding) + "' has a value of the wrong type or form";
        }
        if (cause(e, JacksonException.class) != null) {
            return "the body is not well-formed JSON";
        }
        return "the request body is missing or unreadable";
    }

    private static String fieldPath(DatabindException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(reference -> {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.toString();
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static ProblemDetail problem(HttpStatus status, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<FieldProblem> problems) {
        problem.setProperty("errors", problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem;
    }

    private static <T extends Throwable> @Nullable T cause(Throwable e, Class<T> type) {
        for (Throwable current = e; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }
}
