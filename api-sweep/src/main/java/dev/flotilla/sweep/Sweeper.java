package dev.flotilla.sweep;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.flotilla.sweep.Sender.Answer;
import tools.jackson.databind.json.JsonMapper;

/** One run of a sweep: reads the document, sends every operation's probes in turn, keeps score. */
final class Sweeper {

    private final Settings settings;
    private final JsonMapper json;
    private final HttpClient http;
    private final Sender sender;
    private final Verdict verdict;
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Integer> statusClasses = new TreeMap<>();
    private final Map<Mutation, Integer> sentByMutation = new EnumMap<>(Mutation.class);
    private Requests requests;
    private Instant deadline;
    private int sent;

    Sweeper(Settings settings, HttpClient http, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = http;
        this.sender = new Sender(http, settings.baseUrl(), settings.requestTimeout());
        this.verdict = new Verdict(json);
    }

    SweepReport run() {
        Instant start = Instant.now();
        deadline = start.plus(settings.timeLimit());
        ApiDocument document = ApiDocument.fetch(http, settings.baseUrl(), json);
        List<Operation> operations = document.operations();
        checkNamed(operations);
        requests = new Requests(settings, new ValidValues(document.schemas(), settings.values(), new Random(settings.seed())), json);
        Map<String, String> forged = new LinkedHashMap<>(ForgedTokens.from(settings.strongestToken(), json));
        forged.putAll(settings.rejectedTokens());
        List<Operation> swept = operations.stream().filter(operation -> !settings.excluded().contains(operation.key())).toList();
        for (Operation operation : swept) {
            if (!sweep(operation, document, forged)) {
                break;
            }
        }
        if (settings.protocolProbes() && !timeIsUp("the protocol probes")) {
            List<Operation> harmless = swept.stream().filter(operation -> !settings.destructive().contains(operation.key())).toList();
            for (ProtocolProbes.Aimed aimed : ProtocolProbes.probes(harmless, document)) {
                send(aimed.operation(), aimed.probe(), aimed.probe().mutation().mustReject(), requests.base(aimed.operation()));
            }
        }
        return new SweepReport(settings.baseUrl(), settings.seed(), sent, new TreeMap<>(statusClasses), sentByMutation,
                findings, notes,
                Duration.between(start, Instant.now()));
    }

    /** Sends the operation's probes; {@code false} once the time is up. */
    private boolean sweep(Operation operation, ApiDocument document, Map<String, String> forged) {
        Base sample = requests.base(operation);
        List<Probe> fixed = fixedProbes(operation, forged);
        List<Probe> mutations = Stream.concat(
                new BodyMutations(operation, document.schemas(), requests, settings.oversizedBodyBytes()).probes(sample).stream(),
                new ParameterMutations(operation, requests).probes(sample).stream()).toList();
        boolean protectedOperation = operation.secured();
        boolean first = true;
        List<Probe> plan = ProbePlan.order(fixed, mutations, settings.maxRequestsPerOperation());
        if (plan.size() < fixed.size() + mutations.size()) {
            notes.add(operation.key() + ": " + plan.size() + " of " + (fixed.size() + mutations.size())
                    + " requests within the budget per operation");
        }
        for (Probe probe : plan) {
            if (timeIsUp(operation.key())) {
                return false;
            }
            boolean tokenProbe = probe.mutation() == Mutation.NO_TOKEN || probe.mutation() == Mutation.FORGED_TOKEN;
            if (probe.mutation() == Mutation.FORGED_TOKEN && !protectedOperation) {
                continue;
            }
            boolean mustReject = probe.mutation().mustReject() && (!tokenProbe || protectedOperation);
            Answer answer = send(operation, probe, mustReject, first ? sample : requests.base(operation));
            first = false;
            if (probe.mutation() == Mutation.NO_TOKEN && (answer.status() == 401 || answer.status() == 403)) {
                protectedOperation = true;
            }
        }
        return true;
    }

    /** The valid request with each token (unless destructive), without a token, with each forged token. */
    private List<Probe> fixedProbes(Operation operation, Map<String, String> forged) {
        List<Probe> fixed = new ArrayList<>();
        if (!settings.destructive().contains(operation.key())) {
            fixed.add(Probe.of(Mutation.VALID, "strongest token", Base::request));
            settings.otherTokens().forEach(role -> fixed.add(Probe.of(Mutation.OTHER_ROLE, role.getKey(),
                    base -> base.request().withToken(role.getValue()))));
        }
        fixed.add(Probe.of(Mutation.NO_TOKEN, "no Authorization header", base -> base.request().withToken(null)));
        forged.forEach((name, token) -> fixed.add(Probe.of(Mutation.FORGED_TOKEN, name, base -> base.request().withToken(token))));
        return fixed;
    }

    private Answer send(Operation operation, Probe probe, boolean mustReject, Base base) {
        Request request = probe.build().apply(base);
        if (request == null) {
            return new Answer(0, "", "", "not applicable");
        }
        Answer answer = sender.send(request);
        sent++;
        sentByMutation.merge(probe.mutation(), 1, Integer::sum);
        statusClasses.merge(answer.answered() ? answer.status() / 100 + "xx" : "none", 1, Integer::sum);
        if (probe.mutation() == Mutation.VALID && (answer.status() < 200 || answer.status() > 299)) {
            notes.add(operation.key() + ": the valid request was answered " + (answer.answered() ? answer.status()
                    : answer.failure()) + " " + ApiDocument.excerpt(answer.body()));
        }
        String reason = verdict.judge(probe, mustReject, answer);
        if (reason != null) {
            findings.add(new Finding(operation.key(), probe.mutation(), probe.detail(), answer.status(), reason,
                    ApiDocument.excerpt(answer.body())));
        }
        return answer;
    }

    private boolean timeIsUp(String next) {
        if (Instant.now().isBefore(deadline)) {
            return false;
        }
        notes.add("time limit of " + settings.timeLimit().toSeconds() + " s reached before " + next + ": the sweep is incomplete");
        return true;
    }

    /** Settings that name an operation the document does not have are typos: fail loudly. */
    private void checkNamed(List<Operation> operations) {
        TreeSet<String> known = new TreeSet<>(operations.stream().map(Operation::key).toList());
        TreeSet<String> unknown = new TreeSet<>();
        Stream.of(settings.excluded(), settings.destructive(), settings.bodies().keySet(), settings.headers().keySet())
                .flatMap(names -> names.stream()).filter(name -> !known.contains(name)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the sweep names operations the document does not have: " + unknown
                    + "; it has " + known);
        }
    }
}
