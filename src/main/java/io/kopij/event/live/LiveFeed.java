package io.kopij.event.live;

import io.kopij.event.EventsConfig;
import io.kopij.event.outbox.Coalescer;
import io.kopij.event.outbox.EventThreads;
import io.kopij.event.outbox.Outbox;
import io.kopij.event.outbox.OutboxEvent;
import io.kopij.event.outbox.OutboxSignal;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public events of the outbox as live streams, on every instance. One reader per instance follows the outbox
 * by position (woken by NOTIFY from any instance, and by the periodic poll) and keeps the most recent public
 * events in memory; each stream pulls what follows its own position from there, or from the outbox when it is
 * further behind (a resume with Last-Event-ID). Every stream therefore sees every public event once, in position
 * order, whichever instance committed it. A stream that cannot keep up is ended; its client resumes by position.
 */
@ApplicationScoped
public class LiveFeed {

    private static final int READ_BATCH = 500;
    private static final int STREAM_BUFFER = 2_000;

    private final Outbox outbox;
    private final EventThreads threads;
    private final int capacity;
    private final Coalescer reader;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    /** Public events in (floor, head], oldest first. */
    private final ArrayDeque<OutboxEvent> recent = new ArrayDeque<>();
    private long floor = -1;
    private long head = -1;

    LiveFeed(Outbox outbox, EventThreads threads, EventsConfig config) {
        this.outbox = outbox;
        this.threads = threads;
        this.capacity = Math.max(10, config.live().buffer());
        this.reader = new Coalescer("Live feed", threads.workers(), this::read);
    }

    void start(@Observes StartupEvent event) {
        reader.wake();
    }

    void onSignal(@Observes OutboxSignal signal) {
        if (signal.kind() != OutboxSignal.Kind.DELIVERIES) {
            reader.wake();
        }
    }

    /** The position a new stream starts after (the latest public event known). */
    public long position() {
        synchronized (this) {
            if (head >= 0) {
                return head;
            }
        }
        return outbox.publicHead();
    }

    /** Streams open on this instance (SSE and GraphQL subscriptions). */
    public int streamCount() {
        return streams.size();
    }

    /** The highest public position retention has deleted: a resume below it would have gaps. */
    public long horizon() {
        return outbox.publicHorizon();
    }

    /** Public events after {@code position}, in order, then live ones as they commit. */
    public Multi<OutboxEvent> stream(long position) {
        return Multi.createFrom().<OutboxEvent>emitter(emitter -> {
            Stream stream = new Stream(position, emitter);
            streams.add(stream);
            emitter.onTermination(() -> streams.remove(stream));
            stream.pump.wake();
        }).onOverflow().buffer(STREAM_BUFFER);
    }

    private void read() {
        long from;
        synchronized (this) {
            if (head < 0) {
                head = outbox.publicHead();
                floor = head;
            }
            from = head;
        }
        List<OutboxEvent> fresh;
        do {
            fresh = outbox.after(from, READ_BATCH, true);
            if (!fresh.isEmpty()) {
                synchronized (this) {
                    recent.addAll(fresh);
                    while (recent.size() > capacity) {
                        floor = recent.removeFirst().position();
                    }
                    head = fresh.get(fresh.size() - 1).position();
                    from = head;
                }
            }
        } while (fresh.size() == READ_BATCH);
        streams.forEach(s -> s.pump.wake());
    }

    /** Events after {@code position}: from memory when it reaches back that far, else from the outbox. */
    private List<OutboxEvent> after(long position, int limit) {
        synchronized (this) {
            if (head >= 0 && position >= floor) {
                List<OutboxEvent> events = new ArrayList<>();
                for (OutboxEvent event : recent) {
                    if (event.position() > position) {
                        events.add(event);
                        if (events.size() == limit) {
                            break;
                        }
                    }
                }
                return events;
            }
        }
        return outbox.after(position, limit, true);
    }

    /** One subscriber: emits what follows its position, one pump at a time. */
    private final class Stream {
        private final MultiEmitter<? super OutboxEvent> emitter;
        private final Coalescer pump;
        private long position;

        Stream(long position, MultiEmitter<? super OutboxEvent> emitter) {
            this.position = position;
            this.emitter = emitter;
            this.pump = new Coalescer("Live stream", threads.workers(), this::pump);
        }

        private void pump() {
            List<OutboxEvent> events;
            do {
                if (emitter.isCancelled()) {
                    return;
                }
                events = after(position, READ_BATCH);
                for (OutboxEvent event : events) {
                    emitter.emit(event);
                    position = event.position();
                }
            } while (events.size() == READ_BATCH);
        }
    }
}
