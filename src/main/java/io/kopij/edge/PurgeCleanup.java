package io.kopij.edge;

import io.kopij.event.EventsConfig;
import io.kopij.event.outbox.Jdbc;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Retention of purge jobs that failed for good: they stay for the operators (last error, keys, target) as long as
 * events and webhook deliveries do ({@code kopij.events.retention}), then they are deleted, on every instance (the
 * delete is idempotent). Pending jobs are never deleted here: they are still being retried.
 */
@ApplicationScoped
public class PurgeCleanup {

    private static final Logger LOG = Logger.getLogger(PurgeCleanup.class);

    private final Jdbc jdbc;
    private final Duration retention;

    PurgeCleanup(Jdbc jdbc, EventsConfig config) {
        this.jdbc = jdbc;
        this.retention = config.retention();
    }

    @Scheduled(every = "${kopij.events.cleanup-interval:1h}", delayed = "1m", identity = "kopij-purge-cleanup",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        try {
            int deleted = forgetFailedBefore(Instant.now().minus(retention));
            if (deleted > 0) {
                LOG.infof("Retention deleted %d failed purge job(s)", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Purge job cleanup failed (next run retries): %s", e.toString());
        }
    }

    /** Deletes the failed jobs created before {@code cutoff}; how many. */
    public int forgetFailedBefore(Instant cutoff) {
        return jdbc.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from purge_job where status = 'failed' and created_at < ?")) {
                delete.setTimestamp(1, Timestamp.from(cutoff));
                return delete.executeUpdate();
            }
        });
    }
}
