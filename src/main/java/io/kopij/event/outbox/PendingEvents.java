package io.kopij.event.outbox;

import jakarta.transaction.Synchronization;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * The events of one transaction, written together just before it commits, inside the same database transaction:
 * the change and its events commit together or not at all, and a failure here rolls the whole transaction back.
 * It flushes the session first (entity versions are final after that), then writes on the transaction's own
 * connection, which the pool hands out again for the same transaction, and closes its handle at once: it is
 * registered as an ordinary (not interposed) synchronization, so it runs before the pool's own checks at commit.
 */
public final class PendingEvents implements Synchronization {

    private final Session session;
    private final DataSource dataSource;
    private final OutboxWriter writer;
    private final List<Supplier<NewEvent>> events = new ArrayList<>();
    private final List<FanOut> fanOuts = new ArrayList<>();
    private int written = -1;

    public PendingEvents(Session session, DataSource dataSource, OutboxWriter writer) {
        this.session = session;
        this.dataSource = dataSource;
        this.writer = writer;
    }

    /** An event whose data is built at commit time (after the flush that sets the final version). */
    public void add(Supplier<NewEvent> event) {
        events.add(event);
    }

    public void add(FanOut fanOut) {
        fanOuts.add(fanOut);
    }

    @Override
    public void beforeCompletion() {
        if (session.isOpen()) {
            session.flush();
        }
        List<NewEvent> built = events.stream().map(Supplier::get).toList();
        try (Connection connection = dataSource.getConnection()) {
            written = writer.write(connection, built, fanOuts);
        } catch (SQLException e) {
            throw new OutboxUnavailableException(e);
        }
    }

    @Override
    public void afterCompletion(int status) {
        // nothing to release: the rows are part of the transaction
    }

    /** Rows written at commit; -1 before. */
    public int written() {
        return written;
    }
}
