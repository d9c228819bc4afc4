package dev.flotilla.sweep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders an operation's probes within its budget: the fixed ones first (valid requests, tokens),
 * then one of each mutation kind in turn, so a small budget still tries every kind.
 */
final class ProbePlan {

    private ProbePlan() {
    }

    static List<Probe> order(List<Probe> fixed, List<Probe> mutations, int budget) {
        List<Probe> plan = new ArrayList<>(fixed);
        Map<Mutation, Deque<Probe>> byKind = new LinkedHashMap<>();
        for (Probe probe : mutations) {
            byKind.computeIfAbsent(probe.mutation(), kind -> new ArrayDeque<>()).add(probe);
        }
        while (plan.size() < budget && byKind.values().stream().anyMatch(queue -> !queue.isEmpty())) {
            for (Deque<Probe> queue : byKind.values()) {
                if (!queue.isEmpty() && plan.size() < budget) {
                    plan.add(queue.poll());
                }
            }
        }
        return plan.size() > budget ? plan.subList(0, budget) : plan;
    }
}
