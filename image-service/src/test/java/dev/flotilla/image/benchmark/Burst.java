package dev.flotilla.image.benchmark;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.flotilla.image.ImageApi;
import dev.flotilla.image.ImageApi.User;

/**
 * Uploads of one photo, back to back from one client thread, while another thread polls each uploaded
 * image every {@value #POLL_MILLIS} ms until it is READY or FAILED. An image's latency runs from the
 * moment its upload is sent to the first poll that sees it READY. The workers claim jobs oldest
 * first, so each round polls only the few oldest unfinished images (those the workers can be on) and
 * every {@value #FULL_ROUND}th round all of them: polling twenty images every 20 ms would itself load
 * the service.
 */
final class Burst {

    static final int POLL_MILLIS = 20;
    private static final int FULL_ROUND = 25;

    private final ImageApi api;
    private final User user;
    private final int window;

    /** @param workers the service's workers: how many images can be in progress at once */
    Burst(ImageApi api, User user, int workers) {
        this.api = api;
        this.user = user;
        this.window = 2 * workers + 2;
    }

    /** What happened to the uploads of one burst. */
    record Result(int uploads, List<Duration> latencies, List<Duration> accepted, int failed, List<String> refusals,
            Duration elapsed, boolean timedOut) {

        int ready() {
            return latencies.size();
        }

        /** Images READY per second, from the first upload sent to the last image seen READY. */
        double imagesPerSecond() {
            return elapsed.isZero() ? Double.NaN : ready() / (elapsed.toNanos() / 1e9);
        }

        /** Of the latencies to READY, nearest rank: {@code percentile(50)} is the median, {@code percentile(100)} the slowest. */
        Duration percentile(double percentile) {
            return percentile(latencies, percentile);
        }

        /** Of the times from an upload sent to its 202. */
        Duration acceptedPercentile(double percentile) {
            return percentile(accepted, percentile);
        }

        private static Duration percentile(List<Duration> durations, double percentile) {
            if (durations.isEmpty()) {
                return null;
            }
            List<Duration> sorted = durations.stream().sorted().toList();
            int rank = (int) Math.ceil(percentile / 100 * sorted.size());
            return sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1));
        }

        boolean complete() {
            return !timedOut && failed == 0 && refusals.isEmpty() && ready() == uploads;
        }
    }

    /** Uploads {@code photo} {@code count} times and waits, at most {@code timeout}, until every image has left the queue. */
    Result run(byte[] photo, int count, Duration timeout) throws InterruptedException {
        List<Tracked> uploaded = new CopyOnWriteArrayList<>();
        List<String> refusals = new ArrayList<>();
        AtomicBoolean uploading = new AtomicBoolean(true);
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        Thread poller = Thread.ofPlatform().name("benchmark-poller").daemon().start(() -> poll(uploaded, uploading, deadline));
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            long sent = System.nanoTime();
            HttpResponse<String> response = api.upload(user, "photo-" + i + ".jpg", "image/jpeg", photo);
            if (response.statusCode() == 202) {
                uploaded.add(new Tracked(ImageApi.json(response.body()).get("id").asString(), sent, System.nanoTime()));
            } else {
                refusals.add(response.statusCode() + " " + response.body());
            }
        }
        uploading.set(false);
        poller.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 5_000));
        return result(uploaded, refusals, begin, count);
    }

    private Result result(List<Tracked> uploaded, List<String> refusals, long begin, int count) {
        List<Duration> latencies = new ArrayList<>();
        List<Duration> accepted = uploaded.stream().map(image -> Duration.ofNanos(image.accepted - image.sent)).toList();
        long last = begin;
        int failed = 0;
        boolean timedOut = false;
        for (Tracked image : uploaded) {
            if (image.status == null) {
                timedOut = true;
            } else if (image.status.equals("READY")) {
                latencies.add(Duration.ofNanos(image.done - image.sent));
                last = Math.max(last, image.done);
            } else {
                failed++;
            }
        }
        return new Result(count, latencies, accepted, failed, refusals, Duration.ofNanos(last - begin), timedOut);
    }

    private void poll(List<Tracked> uploaded, AtomicBoolean uploading, long deadline) {
        for (int round = 0; System.nanoTime() < deadline; round++) {
            long started = System.nanoTime();
            boolean stillUploading = uploading.get();
            List<Tracked> open = uploaded.stream().filter(image -> image.status == null).toList();
            if (open.isEmpty() && !stillUploading) {
                return;
            }
            for (Tracked image : round % FULL_ROUND == 0 ? open : open.subList(0, Math.min(window, open.size()))) {
                probe(image);
            }
            long rest = TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS) - (System.nanoTime() - started);
            if (rest > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(rest);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void probe(Tracked image) {
        String status = ImageApi.json(api.image(user, image.id).body()).path("status").asString();
        if (status.equals("READY") || status.equals("FAILED")) {
            image.done = System.nanoTime();
            image.status = status;
        }
    }

    /** One uploaded image; {@code status} is set, after {@code done}, once it has left the queue. */
    private static final class Tracked {

        final String id;
        final long sent;
        final long accepted;
        volatile long done;
        volatile String status;

        Tracked(String id, long sent, long accepted) {
            this.id = id;
            this.sent = sent;
            this.accepted = accepted;
        }
    }
}
