package dev.flotilla.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Service-wide abuse of HTTP itself, a few requests aimed at representative operations: a header
 * over 8 KB, {@code %2F}, {@code %00} and {@code ..;} in the path, an unknown method, a method the
 * path does not offer (must be 405), and odd {@code Accept} headers.
 */
final class ProtocolProbes {

    static final int BIG_HEADER_BYTES = 9 * 1024;
    private static final List<String> METHODS = List.of("DELETE", "PUT", "PATCH", "POST", "GET");

    private ProtocolProbes() {
    }

    /**
     * A probe aimed at an operation.
     *
     * @param operation whose valid request the probe changes
     * @param probe the probe
     */
    record Aimed(Operation operation, Probe probe) {
    }

    static List<Aimed> probes(List<Operation> operations, ApiDocument document) {
        List<Aimed> probes = new ArrayList<>();
        Optional<Operation> read = operations.stream().filter(operation -> operation.method().equals("GET"))
                .min((a, b) -> Integer.compare(a.parameters("path").size(), b.parameters("path").size()));
        Operation target = read.orElse(operations.isEmpty() ? null : operations.getFirst());
        if (target == null) {
            return probes;
        }
        probes.add(aim(target, Mutation.BIG_HEADER, BIG_HEADER_BYTES + " bytes",
                base -> base.request().withHeader("X-Sweep-Padding", "a".repeat(BIG_HEADER_BYTES))));
        probes.add(aim(target, Mutation.ENCODED_PATH, "%2F for /", base -> base.request().withPath(encodedSlash(base.request().path()))));
        probes.add(aim(target, Mutation.ENCODED_PATH, "%00 at the end", base -> base.request().withPath(base.request().path() + "%00")));
        probes.add(aim(target, Mutation.ENCODED_PATH, "..; segment", base -> base.request().withPath(dotDotSemicolon(base.request().path()))));
        probes.add(aim(target, Mutation.UNKNOWN_METHOD, "SWEEP", base -> base.request().withMethod("SWEEP")));
        probes.add(aim(target, Mutation.ODD_ACCEPT, "garbage/!!", base -> base.request().withHeader("Accept", "garbage/!!")));
        probes.add(aim(target, Mutation.ODD_ACCEPT, "image/png", base -> base.request().withHeader("Accept", "image/png")));
        wrongMethod(target, document).ifPresent(probes::add);
        operations.stream().filter(operation -> !operation.parameters("path").isEmpty() && operation != target).findFirst()
                .flatMap(operation -> wrongMethod(operation, document)).ifPresent(probes::add);
        return probes;
    }

    private static Optional<Aimed> wrongMethod(Operation operation, ApiDocument document) {
        List<String> offered = document.methods(operation.path());
        return METHODS.stream().filter(method -> !offered.contains(method)).findFirst()
                .map(method -> new Aimed(operation, new Probe(Mutation.WRONG_METHOD, method + " " + operation.path(), 405,
                        base -> base.request().withMethod(method))));
    }

    private static Aimed aim(Operation operation, Mutation mutation, String detail, java.util.function.Function<Base, Request> build) {
        return new Aimed(operation, Probe.of(mutation, detail, build::apply));
    }

    static String encodedSlash(String path) {
        int second = path.indexOf('/', 1);
        return second < 0 ? path + "%2F" : path.substring(0, second) + "%2F" + path.substring(second + 1);
    }

    static String dotDotSemicolon(String path) {
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path : path.substring(0, second);
        return first + "/..;" + path;
    }
}
