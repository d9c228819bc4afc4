package dev.flotilla.web.problem;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}): whatever ended there (a {@code sendError} from a
 * filter, a rejected request, an exception no handler took) is answered with problem+json, whatever the
 * client accepts. The detail never repeats an exception message, which could leak internals. A
 * request for {@code /error} itself, not an error dispatch, is a 404 like any unknown path.
 * ({@code @Controller}: since Spring Framework 6 a type-level {@code @RequestMapping} alone no longer
 * makes a handler.)
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;

    public ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            problems.write(request, response, HttpStatus.NOT_FOUND, detail(HttpStatus.NOT_FOUND));
            return;
        }
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.value() < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        problems.write(request, response, status, detail(status));
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "the request is malformed: its path, headers, parameters or encoding cannot be read";
            case NOT_FOUND -> "no resource at this path";
            case METHOD_NOT_ALLOWED -> "this method is not allowed on this path";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "the request headers are too large";
            case CONTENT_TOO_LARGE -> "the request body is too large";
            case INTERNAL_SERVER_ERROR -> "the service failed to answer; the failure is logged";
            default -> status.getReasonPhrase();
        };
    }
}
