package io.kopij.event.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kopij.event.outbox.Coalescer;
import io.kopij.event.outbox.EventThreads;
import io.kopij.event.outbox.Jdbc;
import io.kopij.event.outbox.Outbox;
import io.kopij.event.outbox.OutboxConsumer;
import io.kopij.event.outbox.OutboxEvent;
import io.kopij.event.outbox.OutboxSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The fan-out of events to webhook deliveries, outside the editors' transactions: the outbox keeps one INSERT per
 * write, and this turns each committed event into one delivery per matching endpoint. It follows the outbox by
 * position as a durable consumer ('webhooks', see {@link OutboxConsumer}): one instance at a time fans out, and the
 * deliveries and the cursor move in one transaction, so an event is fanned out exactly once even when an instance
 * dies halfway.
 */
@ApplicationScoped
public class WebhookDispatcher {

    static final String CONSUMER = "webhooks";
    private static final int BATCH = 500;

    /** An endpoint as the fan-out needs it. */
    record Target(UUID id, List<String> events, List<String> tags, List<String> languages, long startPosition) {

        boolean wants(OutboxEvent event) {
            if (event.position() <= startPosition || events.stream().noneMatch(p -> OutboxEvent.typeMatches(p, event.type()))) {
                return false;
            }
            if (!event.type().startsWith("article.")) {
                return true; // tag and language filters are about articles
            }
            boolean tagOk = tags.isEmpty() || !Collections.disjoint(tags, event.tags());
            boolean languageOk = languages.isEmpty()
                    || event.languages().stream().anyMatch(l -> languages.contains(l.toLowerCase(Locale.ROOT)));
            return tagOk && languageOk;
        }
    }

    private final OutboxConsumer consumer;
    private final ObjectMapper json;
    private final DeliveryWorker worker;
    private final Coalescer runner;
    private volatile boolean paused;

    WebhookDispatcher(Jdbc jdbc, Outbox outbox, ObjectMapper json, DeliveryWorker worker, EventThreads threads) {
        this.consumer = new OutboxConsumer(CONSUMER, BATCH, jdbc, outbox);
        this.json = json;
        this.worker = worker;
        this.runner = new Coalescer("Webhook fan-out", threads.workers(), this::dispatchAll);
    }

    void onSignal(@Observes OutboxSignal signal) {
        if (signal.kind() != OutboxSignal.Kind.DELIVERIES && !paused) {
            runner.wake();
        }
    }

    /** Stops fanning out on this instance (tests: events committed meanwhile must be delivered later). */
    public void pause(boolean pause) {
        this.paused = pause;
        if (!pause) {
            runner.wake();
        }
    }

    /** Fans out everything committed so far; answers how many deliveries were queued. */
    public int dispatchAll() {
        int queued = consumer.drain(this::queueDeliveries);
        if (queued > 0) {
            worker.wake();
        }
        return queued;
    }

    /** The deliveries of one batch of events: one per event and matching endpoint; answers how many. */
    private int queueDeliveries(Connection connection, List<OutboxEvent> events) throws SQLException {
        List<Target> targets = targets(connection);
        ArrayNode rows = json.createArrayNode();
        for (OutboxEvent event : events) {
            String payload = null;
            for (Target target : targets) {
                if (target.wants(event)) {
                    payload = payload == null ? event.envelope(json).toString() : payload;
                    ObjectNode row = rows.addObject();
                    row.put("webhook", target.id().toString());
                    row.put("event", event.id().toString());
                    row.put("type", event.type());
                    row.put("subject", event.subjectId().toString());
                    row.put("position", event.position());
                    row.put("payload", payload);
                }
            }
        }
        return rows.isEmpty() ? 0 : DeliveryStore.enqueue(connection, rows.toString());
    }

    private static List<Target> targets(Connection connection) throws SQLException {
        List<Target> targets = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, events, filter_tags, filter_languages, start_position from webhook where enabled");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                targets.add(new Target(rows.getObject(1, UUID.class), strings(rows.getArray(2)),
                        strings(rows.getArray(3)), strings(rows.getArray(4)).stream()
                                .map(l -> l.toLowerCase(Locale.ROOT)).toList(), rows.getLong(5)));
            }
        }
        return targets;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
