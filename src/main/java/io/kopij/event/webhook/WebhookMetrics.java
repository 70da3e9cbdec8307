package io.kopij.event.webhook;

import io.kopij.event.outbox.Jdbc;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lag gauges, refreshed every 15 s from the database (a frequent scraper cannot turn them into load):
 * {@code kopij_outbox_lag_seconds}, the age of the oldest event not yet fanned out to webhooks, and
 * {@code kopij_webhook_lag_seconds{webhook="<id>"}}, the age of each endpoint's oldest undelivered delivery (0
 * when it is up to date). Attempt and failure counters live in {@link DeliveryWorker}.
 */
@ApplicationScoped
public class WebhookMetrics {

    private final Jdbc jdbc;
    private final AtomicReference<Double> outboxLag = new AtomicReference<>(0.0);
    private MultiGauge endpointLag;

    WebhookMetrics(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("kopij.outbox.lag.seconds", outboxLag, AtomicReference::get)
                .description("Age of the oldest event not yet fanned out to webhook deliveries").register(registry);
        endpointLag = MultiGauge.builder("kopij.webhook.lag.seconds")
                .description("Age of the oldest undelivered event, per webhook endpoint").register(registry);
    }

    @Scheduled(every = "15s", identity = "kopij-webhook-metrics",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        if (endpointLag == null) {
            return;
        }
        try {
            jdbc.read(connection -> {
                try (PreparedStatement statement = connection.prepareStatement("""
                        select coalesce(extract(epoch from now() - min(occurred_at)), 0) from outbox_event
                        where position > (select position from outbox_consumer where name = 'webhooks')""");
                        ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    outboxLag.set(rows.getDouble(1));
                }
                List<MultiGauge.Row<?>> lags = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement("""
                        select w.id, coalesce(extract(epoch from now() - min(d.created_at)), 0)
                        from webhook w left join webhook_delivery d on d.webhook_id = w.id and d.status = 'pending'
                        group by w.id""");
                        ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        lags.add(MultiGauge.Row.of(Tags.of("webhook", rows.getString(1)), rows.getDouble(2)));
                    }
                }
                endpointLag.register(lags, true);
                return null;
            });
        } catch (RuntimeException e) {
            outboxLag.set(Double.NaN); // the database is away: the readiness check says so
        }
    }
}
