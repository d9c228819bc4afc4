package dev.flotilla.sweep;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a sweep sent and what it found. {@link #toString()} lists the findings grouped by operation,
 * mutation, status and reason, so that a failed {@code assertThat(report.findings()).isEmpty()}
 * reads as a defect list.
 *
 * @param baseUrl the service swept
 * @param seed the seed, to repeat the sweep
 * @param requests requests sent
 * @param statusClasses {@code "2xx"} to count, also {@code "none"} for no answer
 * @param sentByMutation how many requests of each kind were sent
 * @param findings every finding in the order found
 * @param notes what limited the sweep: valid requests the service refused, skipped operations, the time limit
 * @param elapsed how long it took
 */
public record SweepReport(URI baseUrl, long seed, int requests, SortedMap<String, Integer> statusClasses,
        Map<Mutation, Integer> sentByMutation, List<Finding> findings, List<String> notes, Duration elapsed) {

    public SweepReport {
        statusClasses = new TreeMap<>(statusClasses);
        sentByMutation = Collections.unmodifiableMap(new EnumMap<>(sentByMutation));
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /**
     * Findings alike: same operation, mutation, status and reason.
     *
     * @param operation the operation
     * @param mutation the mutation
     * @param status the status
     * @param reason the reason
     * @param count how many requests
     * @param details the details of the first few
     * @param body the body of the first
     */
    public record Group(String operation, Mutation mutation, int status, String reason, int count, List<String> details,
            String body) {
    }

    public boolean isClean() {
        return findings.isEmpty();
    }

    /** The findings grouped, in the order first found. */
    public List<Group> groups() {
        Map<String, List<Finding>> grouped = new LinkedHashMap<>();
        for (Finding finding : findings) {
            grouped.computeIfAbsent(finding.operation() + "|" + finding.mutation() + "|" + finding.status() + "|"
                    + finding.reason(), key -> new ArrayList<>()).add(finding);
        }
        return grouped.values().stream().map(alike -> {
            Finding first = alike.getFirst();
            List<String> details = alike.stream().map(Finding::detail).distinct().limit(5).toList();
            return new Group(first.operation(), first.mutation(), first.status(), first.reason(), alike.size(), details,
                    first.body());
        }).toList();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append("API sweep of ").append(baseUrl).append(" (seed ").append(seed).append("): ").append(requests)
                .append(" requests in ").append(elapsed.toMillis()).append(" ms, ").append(statusClasses)
                .append(", ").append(findings.size()).append(" findings in ").append(groups().size()).append(" groups");
        for (Group group : groups()) {
            text.append("\n  ").append(group.operation()).append("  [").append(group.mutation().label()).append("]  ")
                    .append(group.status() == 0 ? "-" : group.status()).append(' ').append(group.reason())
                    .append("  x").append(group.count()).append("\n      e.g. ").append(String.join("; ", group.details()));
            if (!group.body().isEmpty()) {
                text.append("\n      body: ").append(group.body().replace('\n', ' '));
            }
        }
        if (!notes.isEmpty()) {
            text.append("\n  notes:");
            notes.forEach(note -> text.append("\n    ").append(note));
        }
        return text.toString();
    }
}
