package dev.flotilla.image.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The job queue in the pod-local SQLite file. A claim is one {@code UPDATE ... RETURNING} statement
 * (SQLite 3.35+): it picks the oldest due job, or one whose lease has expired, and takes it in the
 * same statement, under SQLite's single write lock, so two workers can never both win it. Every later
 * change names the lease owner, so a worker whose lease expired and was taken over changes nothing.
 */
@Component
public class JobQueue {

    private final JdbcClient jdbc;

    JobQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the job of an image, in the caller's transaction (the one storing the image's record). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String imageId, Instant now) {
        jdbc.sql("INSERT INTO jobs (image_id, state, attempts, available_at, created_at) VALUES (?, 'QUEUED', 0, ?, ?)")
                .params(imageId, now.toEpochMilli(), now.toEpochMilli()).update();
    }

    /** Jobs not finished yet: queued, running, or waiting for a retry. */
    public long pending() {
        return jdbc.sql("SELECT count(*) FROM jobs").query(Long.class).single();
    }

    public long running() {
        return jdbc.sql("SELECT count(*) FROM jobs WHERE state = 'RUNNING'").query(Long.class).single();
    }

    Optional<ClaimedJob> claim(String owner, Instant now, Duration lease) {
        long at = now.toEpochMilli();
        return jdbc.sql("""
                UPDATE jobs SET state = 'RUNNING', attempts = attempts + 1, lease_owner = :owner, lease_until = :until
                WHERE id = (SELECT id FROM jobs
                            WHERE (state = 'QUEUED' AND available_at <= :now) OR (state = 'RUNNING' AND lease_until <= :now)
                            ORDER BY available_at, id LIMIT 1)
                RETURNING id, image_id, attempts, lease_owner, last_error""")
                .param("owner", owner).param("until", at + lease.toMillis()).param("now", at)
                .query((rs, row) -> new ClaimedJob(rs.getLong("id"), rs.getString("image_id"), rs.getInt("attempts"),
                        rs.getString("lease_owner"), rs.getString("last_error")))
                .optional();
    }

    /** Extends the lease of a job still being worked on; false if it is no longer this worker's. */
    public boolean renew(ClaimedJob job, Instant now, Duration lease) {
        return jdbc.sql("UPDATE jobs SET lease_until = ? WHERE id = ? AND state = 'RUNNING' AND lease_owner = ?")
                .params(now.toEpochMilli() + lease.toMillis(), job.id(), job.leaseOwner()).update() == 1;
    }

    /** Removes a finished (READY or FAILED) job; false if it is no longer this worker's. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean complete(ClaimedJob job) {
        return jdbc.sql("DELETE FROM jobs WHERE id = ? AND state = 'RUNNING' AND lease_owner = ?")
                .params(job.id(), job.leaseOwner()).update() == 1;
    }

    /** Queues the job again for a later attempt; false if it is no longer this worker's. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean retryAt(ClaimedJob job, String error, Instant at) {
        return jdbc.sql("""
                UPDATE jobs SET state = 'QUEUED', lease_owner = NULL, lease_until = NULL, last_error = ?, available_at = ?
                WHERE id = ? AND state = 'RUNNING' AND lease_owner = ?""")
                .params(error, at.toEpochMilli(), job.id(), job.leaseOwner()).update() == 1;
    }

    /** Gives the lease back without counting the attempt: the worker stopped before finishing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean release(ClaimedJob job, Instant now) {
        return jdbc.sql("""
                UPDATE jobs SET state = 'QUEUED', attempts = attempts - 1, lease_owner = NULL, lease_until = NULL,
                       available_at = ?
                WHERE id = ? AND state = 'RUNNING' AND lease_owner = ?""")
                .params(now.toEpochMilli(), job.id(), job.leaseOwner()).update() == 1;
    }

    /** Whether this image has a job here, queued or running. */
    public boolean hasJob(String imageId) {
        return jdbc.sql("SELECT count(*) FROM jobs WHERE image_id = ?").param(imageId).query(Long.class).single() > 0;
    }
}
