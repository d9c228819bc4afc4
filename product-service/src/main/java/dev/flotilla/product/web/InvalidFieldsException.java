package dev.flotilla.product.web;

import java.util.List;

/**
 * Input that is well-formed but breaks a rule checked beyond bean validation (an unknown category,
 * an attribute the category does not have, a filter of the wrong type). Answered with 400 and the
 * same {@code errors} list as bean validation failures.
 */
public class InvalidFieldsException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public InvalidFieldsException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }
}
