package io.kopij.event.outbox;

import io.kopij.event.EventsConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Retention: deletes events older than {@code kopij.events.retention} and finished webhook deliveries as old, on
 * every instance (the deletes are idempotent). An event is kept until every durable consumer (the webhook
 * fan-out) has passed it, and pending deliveries are never deleted: they carry their own body. The highest
 * deleted public position becomes the horizon below which sync tokens and Last-Event-IDs answer 410.
 */
@ApplicationScoped
public class OutboxCleanup {

    private static final Logger LOG = Logger.getLogger(OutboxCleanup.class);

    private final Jdbc jdbc;
    private final Duration retention;

    OutboxCleanup(Jdbc jdbc, EventsConfig config) {
        this.jdbc = jdbc;
        this.retention = config.retention();
    }

    @Scheduled(every = "${kopij.events.cleanup-interval:1h}", delayed = "1m", identity = "kopij-outbox-cleanup",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        try {
            int[] deleted = purgeOlderThan(Instant.now().minus(retention));
            if (deleted[0] + deleted[1] > 0) {
                LOG.infof("Retention deleted %d event(s) and %d finished webhook deliveries", deleted[0], deleted[1]);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox cleanup failed (next run retries): %s", e.toString());
        }
    }

    /** Deletes what is older than {@code cutoff}: {events, deliveries}. */
    public int[] purgeOlderThan(Instant cutoff) {
        return jdbc.inTransaction(connection -> {
            int events;
            try (PreparedStatement purge = connection.prepareStatement("""
                    with gone as (
                      delete from outbox_event
                      where occurred_at < ? and position is not null
                        and position <= (select coalesce(min(position), 0) from outbox_consumer)
                      returning position, public)
                    update outbox_horizon
                    set position = greatest(position, (select coalesce(max(position), 0) from gone)),
                        public_position = greatest(public_position,
                            (select coalesce(max(position), 0) from gone where public)),
                        purged_at = now()
                    returning (select count(*) from gone)""")) {
                purge.setTimestamp(1, Timestamp.from(cutoff));
                try (var rows = purge.executeQuery()) {
                    rows.next();
                    events = rows.getInt(1);
                }
            }
            int deliveries;
            try (PreparedStatement purge = connection.prepareStatement(
                    "delete from webhook_delivery where status <> 'pending' and finished_at < ?")) {
                purge.setTimestamp(1, Timestamp.from(cutoff));
                deliveries = purge.executeUpdate();
            }
            return new int[] {events, deliveries};
        });
    }
}
