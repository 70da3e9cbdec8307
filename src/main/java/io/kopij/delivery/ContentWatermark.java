package io.kopij.delivery;

import io.kopij.event.outbox.Coalescer;
import io.kopij.event.outbox.EventThreads;
import io.kopij.event.outbox.OutboxSignal;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * One number that changes whenever what anonymous readers see changes: the outbox position of the last committed
 * content event (public article events, and every author, tag or asset event; never a draft save). Positions are
 * handed out in commit order (V011), so when this instance sees position n committed, every event below n is
 * committed too: the watermark is never past a transaction still in flight, and an answer rendered after reading
 * it reflects every content change up to it.
 * <p>
 * It is re-read (one index step, V020) when a commit notification arrives through LISTEN/NOTIFY on any instance
 * (milliseconds), when the listener polls, and at least every {@code kopij.delivery.watermark-refresh} by itself,
 * so a lost notification delays it by at most that interval. It only moves forward. Until the first read
 * succeeds it is unknown ({@code -1}) and nothing is answered from it.
 */
@ApplicationScoped
public class ContentWatermark {

    static final String SQL = "select greatest((select coalesce(max(position), 0) from outbox_event "
            + "where public or type not like 'article.%'), (select position from outbox_horizon))";
    private static final Logger LOG = Logger.getLogger(ContentWatermark.class);

    private final AtomicLong current = new AtomicLong(-1);
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final DataSource dataSource;
    private final EventThreads threads;
    private final DeliveryConfig config;
    private final Coalescer refresher;
    private volatile long lastRead;

    ContentWatermark(DataSource dataSource, EventThreads threads, DeliveryConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.threads = threads;
        this.config = config;
        this.refresher = new Coalescer("Content watermark refresh", threads.workers(), this::refresh);
        Gauge.builder("kopij.content.watermark", current, AtomicLong::get)
                .description("Outbox position of the last committed public content change this instance knows")
                .register(metrics);
    }

    void start(@Observes StartupEvent event) {
        refresh();
        long every = Math.max(10, config.watermarkRefresh().toMillis());
        threads.timer().scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastRead >= TimeUnit.MILLISECONDS.toNanos(every) - 1_000_000) {
                refresher.wake();
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** A commit on some instance, or the listener's periodic look: read the watermark again (coalesced). */
    void onSignal(@Observes OutboxSignal signal) {
        if (signal.kind() != OutboxSignal.Kind.DELIVERIES) {
            refresher.wake();
        }
    }

    /** The current watermark, or -1 while unknown. Never blocks. */
    public long current() {
        return current.get();
    }

    /** Called with the new value each time the watermark moves forward (on a background thread). */
    public void onAdvance(LongConsumer listener) {
        listeners.add(listener);
    }

    /** Reads the watermark again soon, on a background thread. */
    public void refreshSoon() {
        refresher.wake();
    }

    /** Reads the watermark now (blocking); returns the value after the read. */
    public long refresh() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SQL);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            long read = rows.getLong(1);
            lastRead = System.nanoTime();
            advanceTo(read);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Content watermark not read (%s); keeping %d", e, current.get());
        }
        return current.get();
    }

    private void advanceTo(long read) {
        long before = current.getAndAccumulate(read, Math::max);
        if (read > before) {
            for (LongConsumer listener : listeners) {
                try {
                    listener.accept(read);
                } catch (RuntimeException e) {
                    LOG.warnf("A content watermark listener failed: %s", e.toString());
                }
            }
        }
    }
}
