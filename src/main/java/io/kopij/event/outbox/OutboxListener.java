package io.kopij.event.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.event.EventsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Every instance keeps one dedicated connection (outside the pool) that LISTENs for commits of events and queued
 * deliveries made through any instance, and turns them into {@link OutboxSignal}s. When nothing arrives for
 * {@code kopij.events.poll-interval} it signals a poll instead, so a notification lost with a broken connection
 * is caught up from the outbox (the truth) within that interval. A lost connection is reopened with backoff.
 */
@ApplicationScoped
public class OutboxListener {

    public static final String EVENTS_CHANNEL = "kopij_outbox";
    public static final String DELIVERIES_CHANNEL = "kopij_webhooks";
    private static final Logger LOG = Logger.getLogger(OutboxListener.class);

    private final Event<OutboxSignal> signals;
    private final Config config;
    private final ObjectMapper json;
    private final int pollMillis;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    OutboxListener(Event<OutboxSignal> signals, Config config, ObjectMapper json, EventsConfig events) {
        this.signals = signals;
        this.config = config;
        this.json = json;
        this.pollMillis = (int) Math.max(50, events.pollInterval().toMillis());
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "kopij-outbox-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        long backoff = 500;
        boolean failing = false;
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + EVENTS_CHANNEL);
                    statement.execute("LISTEN " + DELIVERIES_CHANNEL);
                }
                if (failing) {
                    LOG.info("Listening for outbox notifications again");
                }
                failing = false;
                backoff = 500;
                fire(OutboxSignal.poll()); // whatever was committed while not listening
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(pollMillis);
                    if (notifications == null || notifications.length == 0) {
                        fire(OutboxSignal.poll());
                    } else {
                        handle(notifications);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    LOG.warnf("Outbox notifications interrupted (%s); reconnecting, polling meanwhile", e.toString());
                }
                failing = true;
                fire(OutboxSignal.poll());
                pause(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void handle(PGNotification[] notifications) {
        long position = 0;
        long publicPosition = 0;
        boolean deliveries = false;
        for (PGNotification notification : notifications) {
            if (DELIVERIES_CHANNEL.equals(notification.getName())) {
                deliveries = true;
                continue;
            }
            try {
                JsonNode payload = json.readTree(notification.getParameter());
                position = Math.max(position, payload.path("position").asLong());
                publicPosition = Math.max(publicPosition, payload.path("public").asLong());
            } catch (IOException e) {
                position = Math.max(position, 1); // unreadable: treat as "something new"
            }
        }
        if (position > 0) {
            fire(new OutboxSignal(OutboxSignal.Kind.EVENTS, position, publicPosition));
        }
        if (deliveries) {
            fire(new OutboxSignal(OutboxSignal.Kind.DELIVERIES, 0, 0));
        }
    }

    private void fire(OutboxSignal signal) {
        try {
            signals.fire(signal);
        } catch (RuntimeException e) {
            LOG.warnf("An outbox observer failed: %s", e.toString());
        }
    }

    private Connection connect() throws SQLException {
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        Properties properties = new Properties();
        Optional<String> user = config.getOptionalValue("quarkus.datasource.username", String.class);
        Optional<String> password = config.getOptionalValue("quarkus.datasource.password", String.class);
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "kopij-outbox-listener");
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
    }

    private void pause(long millis) {
        synchronized (this) {
            try {
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
