package io.kopij.edge;

import io.kopij.event.outbox.Coalescer;
import io.kopij.event.outbox.EventThreads;
import io.kopij.event.outbox.Jdbc;
import io.kopij.event.outbox.OutboxSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends due purge jobs from this instance. Woken when events are committed (the fan-out queues jobs) and by the
 * periodic poll (retries come due), it claims jobs from the shared table with a lease (FOR UPDATE SKIP LOCKED, so
 * each job has one sender across instances), sends them without blocking, and records the outcome: a 2xx deletes
 * the job, anything else schedules the next retry of kopij.purge.retry-schedule (with 20 % jitter) until none is
 * left, then the job stays as 'failed'. Purges are idempotent, so a retry after a lost answer does no harm.
 */
@ApplicationScoped
public class PurgeWorker {

    private static final Logger LOG = Logger.getLogger(PurgeWorker.class);
    private static final int MAX_IN_FLIGHT = 16;

    private record Job(UUID id, String target, List<String> keys, int attemptCount) {
    }

    private final Jdbc jdbc;
    private final PurgeTargets targets;
    private final EventThreads threads;
    private final List<Duration> schedule;
    private final Duration timeout;
    private final boolean enabled;
    private final HttpClient client;
    private final Coalescer claimer;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter succeeded;
    private final Counter failedAttempts;
    private final Counter failedJobs;

    PurgeWorker(Jdbc jdbc, PurgeTargets targets, EventThreads threads, PurgeConfig config, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.threads = threads;
        this.schedule = List.copyOf(config.retrySchedule());
        this.timeout = config.timeout();
        this.enabled = config.enabled() && targets.active();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).executor(threads.workers()).build();
        this.claimer = new Coalescer("Purge sending", threads.workers(), this::claimAndSend);
        this.succeeded = Counter.builder("kopij.purge.attempts").tag("outcome", "success")
                .description("Cache purge requests").register(metrics);
        this.failedAttempts = Counter.builder("kopij.purge.attempts").tag("outcome", "failure")
                .description("Cache purge requests").register(metrics);
        this.failedJobs = Counter.builder("kopij.purge.failures")
                .description("Cache purges given up after the last retry").register(metrics);
    }

    void onSignal(@Observes OutboxSignal signal) {
        if (signal.kind() == OutboxSignal.Kind.POLL) {
            wake();
        }
    }

    public void wake() {
        if (enabled) {
            claimer.wake();
        }
    }

    private void claimAndSend() {
        while (true) {
            int capacity = MAX_IN_FLIGHT - inFlight.get();
            if (capacity <= 0) {
                return;
            }
            List<Job> claimed = claim(capacity);
            if (claimed.isEmpty()) {
                return;
            }
            for (Job job : claimed) {
                inFlight.incrementAndGet();
                send(job);
            }
        }
    }

    private List<Job> claim(int limit) {
        Timestamp leaseUntil = Timestamp.from(Instant.now().plus(timeout).plusSeconds(30));
        return jdbc.inTransaction(connection -> {
            List<Job> jobs = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement("""
                    update purge_job set lease_until = ? where id in (
                        select id from purge_job
                        where status = 'pending' and next_attempt_at <= now()
                          and (lease_until is null or lease_until < now())
                        order by next_attempt_at limit ? for update skip locked)
                    returning id, target, keys, attempt_count""")) {
                claim.setTimestamp(1, leaseUntil);
                claim.setInt(2, limit);
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        Array keys = rows.getArray(3);
                        jobs.add(new Job(rows.getObject(1, UUID.class), rows.getString(2),
                                Arrays.asList((String[]) keys.getArray()), rows.getInt(4)));
                    }
                }
            }
            return jobs;
        });
    }

    private void send(Job job) {
        PurgeTarget target = targets.named(job.target()).orElse(null);
        if (target == null) {
            threads.workers().execute(() -> finish(job, null, "target no longer configured"));
            return;
        }
        // The job id lets an operator match a purge in the CDN's or proxy's logs with ours (and its retries).
        client.sendAsync(target.request().apply(job.keys()).header("Kopij-Purge-Id", job.id().toString())
                        .timeout(timeout).build(),
                        HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> threads.workers().execute(() -> {
                    if (failure != null) {
                        finish(job, false, failure.toString());
                    } else if (response.statusCode() / 100 == 2) {
                        finish(job, true, null);
                    } else {
                        finish(job, false, "HTTP " + response.statusCode());
                    }
                }));
    }

    /** {@code succeeded} null: the job is dropped without an attempt. */
    private void finish(Job job, Boolean succeeded, String error) {
        try {
            if (succeeded == null || succeeded) {
                jdbc.inTransaction(connection -> {
                    try (PreparedStatement delete = connection.prepareStatement("delete from purge_job where id = ?")) {
                        delete.setObject(1, job.id());
                        return delete.executeUpdate();
                    }
                });
                if (succeeded != null) {
                    this.succeeded.increment();
                }
                return;
            }
            failedAttempts.increment();
            int attempts = job.attemptCount() + 1;
            Instant retryAt = retryAt(attempts);
            LOG.warnf("Purge of %d key(s) at %s failed (attempt %d): %s", job.keys().size(), job.target(), attempts,
                    error);
            jdbc.inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement("update purge_job set attempt_count = ?, "
                        + "status = ?, next_attempt_at = ?, lease_until = null, last_error = ? where id = ?")) {
                    update.setInt(1, attempts);
                    update.setString(2, retryAt == null ? "failed" : "pending");
                    update.setTimestamp(3, Timestamp.from(retryAt == null ? Instant.now() : retryAt));
                    update.setString(4, error.length() > 500 ? error.substring(0, 500) : error);
                    update.setObject(5, job.id());
                    return update.executeUpdate();
                }
            });
            if (retryAt == null) {
                failedJobs.increment();
            } else {
                long delay = Math.max(0, retryAt.toEpochMilli() - System.currentTimeMillis());
                threads.timer().schedule(this::wake, delay, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            // The lease runs out and another attempt follows; nothing is lost.
            LOG.warnf("Could not record a purge attempt for job %s: %s", job.id(), e.toString());
        } finally {
            inFlight.decrementAndGet();
            wake();
        }
    }

    /** After the n-th failed attempt: the n-th wait of the schedule, varied by 20 %; null when none is left. */
    private Instant retryAt(int attempts) {
        if (attempts > schedule.size()) {
            return null;
        }
        long base = schedule.get(attempts - 1).toMillis();
        double factor = 1 + 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        return Instant.now().plusMillis(Math.max(0, Math.round(base * factor)));
    }
}
