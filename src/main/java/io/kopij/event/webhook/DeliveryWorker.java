package io.kopij.event.webhook;

import io.kopij.event.EventsConfig;
import io.kopij.event.outbox.Coalescer;
import io.kopij.event.outbox.EventThreads;
import io.kopij.event.outbox.OutboxSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends due webhook deliveries from this instance. Woken when deliveries are queued on any instance (NOTIFY) and
 * by the periodic poll (retries come due), it claims work from the shared queue ({@link DeliveryStore}) within
 * its limits: at most {@code max-in-flight} attempts at once, and at most {@code max-in-flight-per-endpoint} per
 * endpoint, so a slow endpoint ties up a few slots and never the others' turn. Attempts are non-blocking
 * ({@link DeliverySender}); DNS and the SSRF re-check run on the event worker threads.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** A lease outlives the attempt's own deadline by this much: the lease must never end while an attempt runs. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final DeliveryStore store;
    private final DeliverySender sender;
    private final UrlGuard guard;
    private final EventThreads threads;
    private final List<Duration> schedule;
    private final double jitter;
    private final int maxInFlight;
    private final int perEndpoint;
    private final Duration lease;
    private final boolean enabled;
    private final Coalescer claimer;
    private final Map<UUID, Integer> sending = new HashMap<>();
    private final Counter succeeded;
    private final Counter failedAttempts;
    private final Counter failedDeliveries;
    private volatile boolean paused;

    @Inject
    DeliveryWorker(DeliveryStore store, DeliverySender sender, UrlGuard guard, EventThreads threads,
            EventsConfig config, MeterRegistry metrics) {
        this.store = store;
        this.sender = sender;
        this.guard = guard;
        this.threads = threads;
        this.schedule = List.copyOf(config.webhooks().retrySchedule());
        this.jitter = Math.max(0, Math.min(1, config.webhooks().jitter()));
        this.maxInFlight = Math.max(1, config.webhooks().maxInFlight());
        this.perEndpoint = Math.max(1, config.webhooks().maxInFlightPerEndpoint());
        this.lease = config.webhooks().timeout().plus(LEASE_MARGIN);
        this.enabled = config.webhooks().enabled();
        this.claimer = new Coalescer("Webhook delivery", threads.workers(), this::claimAndSend);
        this.succeeded = Counter.builder("kopij.webhook.attempts").tag("outcome", "success")
                .description("Webhook delivery attempts").register(metrics);
        this.failedAttempts = Counter.builder("kopij.webhook.attempts").tag("outcome", "failure")
                .description("Webhook delivery attempts").register(metrics);
        this.failedDeliveries = Counter.builder("kopij.webhook.failures")
                .description("Webhook deliveries given up (retries exhausted or 410 Gone)").register(metrics);
    }

    void onSignal(@Observes OutboxSignal signal) {
        if (signal.kind() != OutboxSignal.Kind.EVENTS) {
            wake();
        }
    }

    public void wake() {
        if (enabled && !paused) {
            claimer.wake();
        }
    }

    /** Stops claiming on this instance (attempts in flight finish); tests use it to play a stopped worker. */
    public void pause(boolean pause) {
        this.paused = pause;
        wake();
    }

    /** Attempts this instance is making right now. */
    public synchronized int inFlight() {
        return sending.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void claimAndSend() {
        while (!paused) {
            Map<UUID, Integer> busy;
            int capacity;
            synchronized (this) {
                busy = Map.copyOf(sending);
                capacity = maxInFlight - inFlight();
            }
            if (capacity <= 0) {
                return;
            }
            List<Claimed> claimed = store.claim(busy, perEndpoint, capacity, lease);
            if (claimed.isEmpty()) {
                return;
            }
            synchronized (this) {
                claimed.forEach(d -> sending.merge(d.webhookId(), 1, Integer::sum));
            }
            claimed.forEach(d -> threads.workers().execute(() -> attempt(d)));
        }
    }

    private void attempt(Claimed delivery) {
        Instant attemptedAt = Instant.now();
        URI uri;
        InetAddress address;
        try {
            uri = URI.create(delivery.url());
            address = guard.check(uri); // DNS may have changed since the endpoint was registered
        } catch (UrlGuard.Refused | IllegalArgumentException e) {
            finish(delivery, attemptedAt, AttemptResult.failed(0, "target refused: " + e.getMessage()));
            return;
        }
        sender.send(delivery, uri, address).whenComplete((result, failure) -> threads.workers().execute(() ->
                finish(delivery, attemptedAt, failure == null ? result : AttemptResult.failed(0, failure.toString()))));
    }

    private void finish(Claimed delivery, Instant attemptedAt, AttemptResult result) {
        try {
            Instant retryAt = result.succeeded() || result.gone() ? null : retryAt(delivery.attemptCount() + 1);
            store.record(delivery, result, attemptedAt, retryAt);
            if (retryAt != null) {
                // Be there when the retry comes due, rather than at the next poll.
                long delay = Math.max(0, retryAt.toEpochMilli() - System.currentTimeMillis());
                threads.timer().schedule(this::wake, delay, TimeUnit.MILLISECONDS);
            }
            (result.succeeded() ? succeeded : failedAttempts).increment();
            if (!result.succeeded() && retryAt == null) {
                failedDeliveries.increment();
            }
        } catch (RuntimeException e) {
            // The lease runs out and another attempt follows; nothing is lost.
            LOG.warnf("Could not record a webhook attempt for delivery %s: %s", delivery.id(), e.toString());
        } finally {
            synchronized (this) {
                sending.computeIfPresent(delivery.webhookId(), (id, n) -> n <= 1 ? null : n - 1);
            }
            wake();
        }
    }

    /** After the n-th failed attempt: the n-th wait of the schedule, varied by the jitter; null when none is left. */
    private Instant retryAt(int attempts) {
        if (attempts > schedule.size()) {
            return null;
        }
        long base = schedule.get(attempts - 1).toMillis();
        double factor = 1 + jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        return Instant.now().plusMillis(Math.max(0, Math.round(base * factor)));
    }
}
