package io.kopij.event.outbox;

/**
 * Fired (synchronously, on the listener thread: observers only wake their own workers) when something may be new:
 * events committed through any instance ({@code EVENTS}, with the new head position and the last public position
 * of that commit, or 0), webhook deliveries queued ({@code DELIVERIES}), or the periodic look that catches up a
 * missed notification ({@code POLL}).
 */
public record OutboxSignal(Kind kind, long position, long publicPosition) {

    public enum Kind {
        EVENTS, DELIVERIES, POLL
    }

    public static OutboxSignal poll() {
        return new OutboxSignal(Kind.POLL, 0, 0);
    }
}
