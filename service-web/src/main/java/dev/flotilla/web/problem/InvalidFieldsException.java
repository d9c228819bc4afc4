package dev.flotilla.web.problem;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Input that is well-formed but breaks a rule checked beyond bean validation (an unknown country, an
 * attribute the category does not have, a weak password). Answered with 400 and the same {@code errors}
 * list, {@code [{field, message}]}, as bean validation failures.
 */
public class InvalidFieldsException extends ProblemException {

    private final List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, "the request has invalid fields");
        this.problems = List.copyOf(problems);
        property("errors", errors(this.problems));
    }

    public InvalidFieldsException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The {@code errors} property of a problem body. */
    public static List<Map<String, String>> errors(List<FieldProblem> problems) {
        return problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList();
    }

    /** One field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }
}
