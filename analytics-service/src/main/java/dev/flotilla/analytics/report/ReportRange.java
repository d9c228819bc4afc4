package dev.flotilla.analytics.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.flotilla.web.problem.InvalidFieldsException;
import dev.flotilla.web.problem.InvalidFieldsException.FieldProblem;

/** The days a report covers, both ends included, checked: ISO dates, from not after to, within the limit. */
record ReportRange(LocalDate from, LocalDate to) {

    static ReportRange of(String from, String to, int maxDays) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                problems.add(new FieldProblem("from", "must not be after to (" + end + ")"));
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
                problems.add(new FieldProblem("to", "the range may cover at most " + maxDays + " days"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return new ReportRange(start, end);
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required, a date such as 2026-12-01"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date such as 2026-12-01"));
            return null;
        }
    }
}
