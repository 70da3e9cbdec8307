package io.kopij.edge;

import io.kopij.event.outbox.Coalescer;
import io.kopij.event.outbox.EventThreads;
import io.kopij.event.outbox.Jdbc;
import io.kopij.event.outbox.Outbox;
import io.kopij.event.outbox.OutboxConsumer;
import io.kopij.event.outbox.OutboxEvent;
import io.kopij.event.outbox.OutboxSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns committed events into purge jobs, outside the editors' transactions: a durable outbox consumer ('purges',
 * see {@link OutboxConsumer}) gathers the keys of each batch of events and queues one job per target and chunk of
 * keys, in the transaction that advances its cursor: each event is purged once even when an instance dies halfway.
 * With no target configured the cursor still moves.
 */
@ApplicationScoped
public class PurgeFanOut {

    static final String CONSUMER = "purges";
    private static final int BATCH = 500;

    private final OutboxConsumer consumer;
    private final PurgeTargets targets;
    private final PurgeWorker worker;
    private final Coalescer runner;

    PurgeFanOut(Jdbc jdbc, Outbox outbox, PurgeTargets targets, PurgeWorker worker, EventThreads threads) {
        this.consumer = new OutboxConsumer(CONSUMER, BATCH, jdbc, outbox);
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
        int queued = consumer.drain(this::queuePurges);
        if (queued > 0) {
            worker.wake();
        }
        return queued;
    }

    /** The jobs of one batch of events: one per target and chunk of their keys; answers how many. */
    private int queuePurges(Connection connection, List<OutboxEvent> events) throws SQLException {
        Set<String> keys = new LinkedHashSet<>();
        events.forEach(event -> keys.addAll(PurgeKeys.of(event)));
        if (keys.isEmpty()) {
            return 0;
        }
        int queued = 0;
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
        return queued;
    }

    private static List<List<String>> chunks(List<String> keys, int size) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += size) {
            chunks.add(keys.subList(i, Math.min(keys.size(), i + size)));
        }
        return chunks;
    }
}
