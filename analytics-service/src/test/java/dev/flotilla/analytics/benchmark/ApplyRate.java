package dev.flotilla.analytics.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.flotilla.analytics.TestOrders;
import dev.flotilla.order.events.OrderEventStream;

/**
 * Events applied per second by a {@link Deployment}: a warm-up backlog, applied in full, then the
 * measured backlog, published as fast as one pipelined connection goes, timed from the first publish
 * until the consumer group has delivered the last entry and has nothing pending (a message is
 * acknowledged only once applied, so this is exact). The CPU time of every process involved is taken
 * over the same span. At the end, the figures are checked: the country report over all days must sum to
 * what the events make, every event must be recorded in {@code processed_events} once, and nothing may
 * have gone to the dead-letter stream.
 */
final class ApplyRate {

    private static final Duration POLL = Duration.ofMillis(5);
    private static final String WAITING = "has not been placed yet";

    private ApplyRate() {
    }

    /**
     * One configuration's figures over the measured backlog.
     *
     * @param delivered until the group had handed out the last entry (the rest: the last batches being applied,
     *     and messages waiting to be claimed again)
     * @param serviceCpu of each service JVM
     * @param benchmarkCpu of this JVM: the Mongo wire server, the publisher and the group polling
     * @param machineCpu of every process on the machine
     * @param peakKb each service JVM's VmHWM at the end
     * @param waited cancellations a consumer found before their placement was applied (left for claim-after),
     *     over the warm-up and the measured backlog
     */
    record Result(int consumers, int warmUpEvents, int events, Duration publishing, Duration delivered, Duration applied,
            List<Duration> serviceCpu, Duration benchmarkCpu, Duration redisCpu, Duration machineCpu, List<Long> peakKb,
            long waited, Check check, List<Deployment.BucketSizes> buckets, String profile) {

        double eventsPerSecond() {
            return events / seconds(applied);
        }

        double publishedPerSecond() {
            return events / seconds(publishing);
        }

        /** What other processes of the machine used meanwhile. */
        Duration otherCpu() {
            Duration ours = serviceCpu.stream().reduce(benchmarkCpu.plus(redisCpu), Duration::plus);
            Duration others = machineCpu.minus(ours);
            return others.isNegative() ? Duration.ZERO : others;
        }
    }

    /** What the stores hold at the end against what the events make. */
    record Check(String expected, String reported, long events, long processed, long deadLetters, long streamLength) {

        boolean correct() {
            return expected.equals(reported) && processed == events && deadLetters == 0 && streamLength == events;
        }
    }

    static Result measure(Deployment deployment, Backlog warmUp, Backlog measured, Duration timeout, Path profileDirectory)
            throws IOException, InterruptedException {
        OrderEventStreamClient stream = deployment.stream();
        long warmUpStart = System.nanoTime();
        awaitApplied(deployment, stream.publish(warmUp.documents()), warmUpStart, timeout);
        Optional<ProcessHandle> redis = Machine.redisServer();
        Cpu before = Cpu.of(deployment, redis);
        List<FlightRecording> recordings = profileDirectory == null ? List.of() : startRecordings(deployment, profileDirectory);

        long start = System.nanoTime();
        String last = stream.publish(measured.documents());
        Duration publishing = Duration.ofNanos(System.nanoTime() - start);
        Spans spans = awaitApplied(deployment, last, start, timeout);

        Cpu used = Cpu.of(deployment, redis).minus(before);
        String profile = summarise(recordings, deployment);
        long waited = 0;
        for (AnalyticsServiceProcess service : deployment.services()) {
            waited += service.logLines(WAITING);
        }
        return new Result(deployment.services().size(), warmUp.size(), measured.size(), publishing,
                spans.delivered(), spans.applied(), used.services(), used.benchmark(), used.redis(), used.machine(),
                deployment.services().stream().map(service -> service.memoryKilobytes("VmHWM")).toList(), waited,
                check(deployment, warmUp, measured), deployment.bucketSizes(), profile);
    }

    /** CPU time so far: each service JVM, this JVM, redis-server, the whole machine. */
    private record Cpu(List<Duration> services, Duration benchmark, Duration redis, Duration machine) {

        static Cpu of(Deployment deployment, Optional<ProcessHandle> redis) {
            return new Cpu(deployment.services().stream().map(AnalyticsServiceProcess::cpuTime).toList(), Machine.ownCpu(),
                    Machine.cpu(redis), Machine.busy());
        }

        Cpu minus(Cpu before) {
            List<Duration> each = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                each.add(services.get(i).minus(before.services().get(i)));
            }
            return new Cpu(each, benchmark.minus(before.benchmark()), redis.minus(before.redis()), machine.minus(before.machine()));
        }
    }

    /** From the first publish until the group delivered the last entry, and until it also had nothing pending. */
    private record Spans(Duration delivered, Duration applied) {
    }

    /** Polls the group until it has delivered {@code lastId} and has nothing pending. */
    private static Spans awaitApplied(Deployment deployment, String lastId, long start, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration delivered = null;
        while (System.nanoTime() < deadline) {
            OrderEventStreamClient.GroupState group = deployment.stream().group();
            if (group != null && group.lastDeliveredId().equals(lastId)) {
                long now = System.nanoTime();
                if (delivered == null) {
                    delivered = Duration.ofNanos(now - start);
                }
                if (group.pending() == 0) {
                    return new Spans(delivered, Duration.ofNanos(now - start));
                }
            }
            deployment.checkAlive();
            Thread.sleep(POLL);
        }
        OrderEventStreamClient.GroupState group = deployment.stream().group();
        throw new IllegalStateException("events not applied within " + timeout + ": group " + group + ", last entry " + lastId
                + "; see the service logs");
    }

    private static Check check(Deployment deployment, Backlog warmUp, Backlog measured) throws IOException, InterruptedException {
        List<TestOrders.Published> all = new ArrayList<>(warmUp.events());
        all.addAll(measured.events());
        String reported = new ReportClient(deployment.services().getFirst())
                .totals(AnalyticsBenchmark.FIRST_DAY.toString(), AnalyticsBenchmark.LAST_DAY.toString());
        OrderEventStreamClient stream = deployment.stream();
        return new Check(TestOrders.netTotals(all), reported, all.size(), deployment.processedEvents(),
                stream.length(OrderEventStreamClient.DEAD_LETTER_KEY), stream.length(OrderEventStream.DEFAULT_KEY));
    }

    private static List<FlightRecording> startRecordings(Deployment deployment, Path directory)
            throws IOException, InterruptedException {
        List<FlightRecording> recordings = new ArrayList<>();
        for (AnalyticsServiceProcess service : deployment.services()) {
            recordings.add(FlightRecording.of(service.pid(), directory.resolve(service.name() + ".jfr")));
        }
        recordings.add(FlightRecording.ofThisJvm(directory.resolve("benchmark-jvm-" + deployment.services().size() + "c.jfr")));
        return recordings;
    }

    private static String summarise(List<FlightRecording> recordings, Deployment deployment) throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < recordings.size(); i++) {
            recordings.get(i).stop();
            String title = i < deployment.services().size() ? deployment.services().get(i).name() + " JVM"
                    : "benchmark JVM (Mongo wire server, publisher, polling)";
            text.append(recordings.get(i).summarise(title, 25)).append('\n');
        }
        return text.toString();
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
