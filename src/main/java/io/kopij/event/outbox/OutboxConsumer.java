package io.kopij.event.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A durable consumer of the outbox: a cursor row in {@code outbox_consumer} that follows committed events by
 * position. Each batch is handed to the consumer's work and the cursor advances in the same transaction, so what the
 * work writes (webhook deliveries, purge jobs) happens exactly once per event, even when an instance dies halfway.
 * The cursor row is locked with SKIP LOCKED: one instance at a time moves it, the others find nothing to do.
 */
public final class OutboxConsumer {

    /** What a consumer does with one batch, inside the cursor's transaction; answers how many items it queued. */
    public interface Batch {
        int handle(Connection connection, List<OutboxEvent> events) throws SQLException;
    }

    private final String name;
    private final int batchSize;
    private final Jdbc jdbc;
    private final Outbox outbox;

    public OutboxConsumer(String name, int batchSize, Jdbc jdbc, Outbox outbox) {
        this.name = name;
        this.batchSize = batchSize;
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Hands everything committed so far to {@code work}, batch by batch; answers how many items were queued. */
    public int drain(Batch work) {
        int queued = 0;
        int[] batch;
        do {
            batch = jdbc.inTransaction(connection -> next(connection, work));
            queued += batch[1];
        } while (batch[0] == batchSize);
        return queued;
    }

    /** One batch: {events read, items queued}; {0, 0} when another instance holds the cursor. */
    private int[] next(Connection connection, Batch work) throws SQLException {
        long cursor;
        try (PreparedStatement lock = connection.prepareStatement(
                "select position from outbox_consumer where name = ? for update skip locked")) {
            lock.setString(1, name);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    return new int[] {0, 0};
                }
                cursor = row.getLong(1);
            }
        }
        List<OutboxEvent> events = outbox.between(connection, cursor, Long.MAX_VALUE, batchSize);
        if (events.isEmpty()) {
            return new int[] {0, 0};
        }
        int queued = work.handle(connection, events);
        try (PreparedStatement advance = connection.prepareStatement(
                "update outbox_consumer set position = ? where name = ?")) {
            advance.setLong(1, events.get(events.size() - 1).position());
            advance.setString(2, name);
            advance.executeUpdate();
        }
        return new int[] {events.size(), queued};
    }
}
