package dev.flotilla.image.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.flotilla.image.ImageServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The queue itself, with no worker running: claims, leases and their owners. */
@ImageServiceTest
@org.springframework.test.context.TestPropertySource(properties = "flotilla.image.jobs.workers=0")
class JobQueueTests {

    @Autowired
    JobQueue queue;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void empty() {
        jdbc.update("delete from images");
    }

    @Test
    void fourWorkersClaimingFiftyJobsAtOnceEachWinEveryJobExactlyOnce() throws Exception {
        List<String> images = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            images.add(queued());
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String owner = "worker-" + w;
            tasks.add(() -> {
                for (Optional<ClaimedJob> job; (job = queue.claim(owner, Instant.now(), Duration.ofMinutes(1))).isPresent(); ) {
                    claimed.add(job.get().imageId());
                }
                return null;
            });
        }
        for (Future<Void> done : workers.invokeAll(tasks)) {
            done.get();
        }
        workers.shutdown();

        assertThat(claimed).hasSize(50).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(images);
        assertThat(queue.running()).isEqualTo(50);
    }

    @Test
    void aJobWhoseLeaseExpiredIsClaimedAgainAndItsFormerOwnerCanChangeNothing() {
        String image = queued();
        Instant start = Instant.now();
        ClaimedJob dead = queue.claim("dead", start, Duration.ofSeconds(1)).orElseThrow();

        assertThat(queue.claim("alive", start.plusMillis(999), Duration.ofMinutes(1))).isEmpty();
        ClaimedJob alive = queue.claim("alive", start.plusSeconds(1), Duration.ofMinutes(1)).orElseThrow();

        assertThat(alive.imageId()).isEqualTo(image);
        assertThat(alive.attempts()).isEqualTo(2);
        assertThat((boolean) transaction.execute(status -> queue.complete(dead))).isFalse();
        assertThat((boolean) transaction.execute(status -> queue.retryAt(dead, "late", Instant.now()))).isFalse();
        assertThat(queue.renew(dead, Instant.now(), Duration.ofMinutes(1))).isFalse();
        assertThat((boolean) transaction.execute(status -> queue.complete(alive))).isTrue();
        assertThat(queue.pending()).isZero();
    }

    @Test
    void aRetryWaitsItsTurnAndAReleaseDoesNotCountAsAnAttempt() {
        queued();
        ClaimedJob first = queue.claim("w", Instant.now(), Duration.ofMinutes(1)).orElseThrow();
        Instant later = Instant.now().plusSeconds(30);
        transaction.execute(status -> queue.retryAt(first, "the store was down", later));

        assertThat(queue.claim("w", Instant.now(), Duration.ofMinutes(1))).isEmpty();
        ClaimedJob second = queue.claim("w", later, Duration.ofMinutes(1)).orElseThrow();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.lastError()).isEqualTo("the store was down");
        transaction.execute(status -> queue.release(second, later));
        assertThat(queue.claim("w", later, Duration.ofMinutes(1)).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void jobsAreClaimedOldestFirst() {
        String older = queued();
        String newer = queued();

        assertThat(queue.claim("w", Instant.now(), Duration.ofMinutes(1)).orElseThrow().imageId()).isEqualTo(older);
        assertThat(queue.claim("w", Instant.now(), Duration.ofMinutes(1)).orElseThrow().imageId()).isEqualTo(newer);
    }

    private String queued() {
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        transaction.executeWithoutResult(status -> {
            jdbc.update("""
                    insert into images (id, owner, status, file_name, format, width, height, size_bytes, created_at, updated_at, version)
                    values (?, ?, 'QUEUED', 'a.jpg', 'JPEG', 1, 1, 1, ?, ?, 0)""", id, UUID.randomUUID().toString(), now, now);
            queue.enqueue(id, Instant.ofEpochMilli(now));
        });
        return id;
    }
}
