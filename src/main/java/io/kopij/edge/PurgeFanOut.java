package io.kopij.edge;

import io.kopij.event.outbox.Coalescer;
import io.kopij.event.outbox.EventThreads;
import io.kopij.event.outbox.Jdbc;
import io.kopij.event.outbox.Outbox;
import io.kopij.event.outbox.OutboxEvent;
import io.kopij.event.outbox.OutboxSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns committed events into purge jobs, outside the editors' transactions: it follows the outbox with a durable
 * cursor (outbox_consumer 'purges', locked with SKIP LOCKED so one instance at a time moves it), gathers the keys of
 * a batch of events and queues one job per target and chunk of keys, in the transaction that advances the cursor:
 * each event is purged once even when an instance dies halfway. With no target configured the cursor still moves.
 */
@ApplicationScoped
public class PurgeFanOut {

    static final String CONSUMER = "purges";
    private static final int BATCH = 500;

    private final Jdbc jdbc;
    private final Outbox outbox;
    private final PurgeTargets targets;
    private final PurgeWorker worker;
    private final Coalescer runner;

    PurgeFanOut(Jdbc jdbc, Outbox outbox, PurgeTargets targets, PurgeWorker worker, EventThreads threads) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.targets = targets;
        this.worker = worker;
        this.runner = new Coalescer("Purge fan-out", threads.workers(), this::fanOutAll);
    }

    void onSignal(@Observes OutboxSignal signal) {
        if (signal.kind() != OutboxSignal.Kind.DELIVERIES) {
            runner.wake();
        }
    }

    /** Queues the purges of everything committed so far; answers how many jobs were queued. */
    public int fanOutAll() {
        int queued = 0;
        int[] batch;
        do {
            batch = jdbc.inTransaction(this::fanOutBatch);
            queued += batch[1];
        } while (batch[0] == BATCH);
        if (queued > 0) {
            worker.wake();
        }
        return queued;
    }

    /** One batch: {events read, jobs queued}; {0, 0} when another instance holds the cursor. */
    private int[] fanOutBatch(Connection connection) throws SQLException {
        long cursor;
        try (PreparedStatement lock = connection.prepareStatement(
                "select position from outbox_consumer where name = ? for update skip locked")) {
            lock.setString(1, CONSUMER);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    return new int[] {0, 0};
                }
                cursor = row.getLong(1);
            }
        }
        List<OutboxEvent> events = outbox.between(connection, cursor, Long.MAX_VALUE, BATCH);
        if (events.isEmpty()) {
            return new int[] {0, 0};
        }
        Set<String> keys = new LinkedHashSet<>();
        events.forEach(event -> keys.addAll(PurgeKeys.of(event)));
        int queued = 0;
        if (!keys.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("insert into purge_job "
                    + "(id, target, keys, next_attempt_at, created_at) values (?, ?, ?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (PurgeTarget target : targets.all()) {
                    for (List<String> chunk : chunks(List.copyOf(keys), target.maxKeys())) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, target.name());
                        insert.setArray(3, connection.createArrayOf("text", chunk.toArray()));
                        insert.setTimestamp(4, now);
                        insert.setTimestamp(5, now);
                        insert.addBatch();
                        queued++;
                    }
                }
                if (queued > 0) {
                    insert.executeBatch();
                }
            }
        }
        try (PreparedStatement advance = connection.prepareStatement(
                "update outbox_consumer set position = ? where name = ?")) {
            advance.setLong(1, events.get(events.size() - 1).position());
            advance.setString(2, CONSUMER);
            advance.executeUpdate();
        }
        return new int[] {events.size(), queued};
    }

    private static List<List<String>> chunks(List<String> keys, int size) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += size) {
            chunks.add(keys.subList(i, Math.min(keys.size(), i + size)));
        }
        return chunks;
    }
}
