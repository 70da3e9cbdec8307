package io.kopij.event.webhook;

import static io.kopij.support.Api.article;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kopij.article.ScheduledPublisher;
import io.kopij.event.EventsConfig;
import io.kopij.event.OutboxRows;
import io.kopij.event.WebhookReceiver.Received;
import io.kopij.event.WebhookReceiver;
import io.kopij.event.Webhooks;
import io.kopij.event.outbox.EventThreads;
import io.kopij.support.Api;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery guarantees and the targets, printed to the log (rerun: {@code ./mvnw test
 * -Dtest=DeliveryGuaranteesTest}; {@code -Dkopij.targets.articles=N} changes the 1,000): exactly one delivery per
 * event and endpoint with two workers racing for the same queue, nothing lost while no worker runs or when a
 * worker dies mid-send, event-to-delivery latency on an idle instance, and outbox INSERTs per write transaction.
 */
@QuarkusTest
class DeliveryGuaranteesTest {

    private static final Logger LOG = Logger.getLogger(DeliveryGuaranteesTest.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Vertx vertx;
    @Inject
    DeliveryWorker worker;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    DeliveryStore store;
    @Inject
    DeliverySender sender;
    @Inject
    UrlGuard guard;
    @Inject
    EventThreads threads;
    @Inject
    EventsConfig config;
    @Inject
    ScheduledPublisher publisher;

    private WebhookReceiver receiver;
    private final Webhooks webhooks = new Webhooks();

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        worker.pause(false);
        dispatcher.pause(false);
        webhooks.close();
        receiver.close();
    }

    @Test
    void twoWorkersRacingDeliverEveryEventExactlyOncePerEndpoint() {
        int articles = Integer.getInteger("kopij.targets.articles", 1000);
        String run = unique();
        String[] endpoints = {"eens-a-" + run, "eens-b-" + run};
        for (String endpoint : endpoints) {
            webhooks.register(receiver.url(endpoint), "article.published");
        }
        worker.pause(true); // the application's own worker steps aside: two others race for the queue
        await().atMost(WAIT).until(() -> worker.inFlight() == 0);
        OutboxRows.execute("""
                insert into article (id, slug, title, status, scheduled_at, created_at, updated_at)
                select gen_random_uuid(), 'eenmaal-' || ? || '-' || g, 'Eenmaal ' || g, 'scheduled',
                       now() - interval '1 minute', now(), now()
                from generate_series(1, ?) g""", run, articles);
        long publishStarted = System.nanoTime();
        while (publisher.publishDue() > 0) {
            // the scheduler's own runs may take some batches too: each article is published once either way
        }
        // Articles the scheduler's own run holds are skipped (skip locked) by the loop above: wait for its commits.
        await().atMost(WAIT).until(() -> OutboxRows.longValue(
                "select count(*) from article where slug like ? and status = 'published'", "eenmaal-" + run + "-%")
                == articles);
        LOG.infof("Published %d articles through the scheduler in %d ms", articles,
                (System.nanoTime() - publishStarted) / 1_000_000);

        // Two workers as two instances would run them: each with its own HTTP client, both claiming from the one
        // queue in PostgreSQL. The production timeout (10 s): a shortened one would turn a busy moment on these two
        // shared cores into timeouts, whose retries are legitimate repeats (at-least-once), not double claims.
        EventsConfig production = withTimeout(config, Duration.ofSeconds(10));
        SimpleMeterRegistry metricsA = new SimpleMeterRegistry();
        SimpleMeterRegistry metricsB = new SimpleMeterRegistry();
        DeliveryWorker a = new DeliveryWorker(store, new DeliverySender(vertx, production), guard, threads, production,
                metricsA);
        DeliveryWorker b = new DeliveryWorker(store, new DeliverySender(vertx, production), guard, threads, production,
                metricsB);
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            a.wake();
            b.wake();
            return receiver.received(endpoints[0]).size() >= articles && receiver.received(endpoints[1]).size() >= articles;
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        await().atMost(WAIT).until(() -> a.inFlight() + b.inFlight() == 0);
        double sentByA = metricsA.counter("kopij.webhook.attempts", "outcome", "success").count();
        double sentByB = metricsB.counter("kopij.webhook.attempts", "outcome", "success").count();
        long retried = OutboxRows.longValue("select count(*) from webhook_delivery d join webhook w on w.id = d.webhook_id "
                + "where w.url like ? and d.attempt_count > 1", "%eens-_-" + run);
        LOG.infof("Deliveries that needed more than one attempt: %d", retried);
        for (String endpoint : endpoints) {
            List<Received> got = receiver.received(endpoint);
            long distinct = got.stream().map(Received::id).distinct().count();
            LOG.infof("TARGET %d published articles -> endpoint %s received %d deliveries, %d distinct, duplicates %d",
                    articles, endpoint, got.size(), distinct, got.size() - distinct);
            assertEquals(articles, distinct);
            assertEquals(0, got.size() - distinct, "duplicates");
        }
        LOG.infof("Two racing workers sent %.0f and %.0f of %d deliveries in %d ms", sentByA, sentByB, 2 * articles, millis);
        assertEquals(2.0 * articles, sentByA + sentByB, 0.0);
        assertTrue(sentByA > 0 && sentByB > 0, "both workers took part");
        OutboxRows.execute("delete from article where slug like ?", "eenmaal-" + run + "-%");
    }

    /** The configuration with another attempt timeout. */
    private static EventsConfig withTimeout(EventsConfig config, Duration timeout) {
        EventsConfig.Webhooks webhooks = (EventsConfig.Webhooks) Proxy.newProxyInstance(
                EventsConfig.class.getClassLoader(), new Class<?>[] {EventsConfig.Webhooks.class},
                (proxy, method, args) -> method.getName().equals("timeout") ? timeout
                        : method.invoke(config.webhooks(), args));
        return (EventsConfig) Proxy.newProxyInstance(EventsConfig.class.getClassLoader(),
                new Class<?>[] {EventsConfig.class},
                (proxy, method, args) -> method.getName().equals("webhooks") ? webhooks : method.invoke(config, args));
    }

    @Test
    void eventsCommittedWhileNoWorkerRunsAreDeliveredLater() {
        String endpoint = "later-" + unique();
        webhooks.register(receiver.url(endpoint), "article.published");
        dispatcher.pause(true);
        worker.pause(true);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Api.createPublished(article("Terwijl niemand bezorgt " + i + " " + unique())));
        }
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.received(endpoint).isEmpty());
        dispatcher.pause(false); // as if a process started again: everything committed is still in the outbox
        worker.pause(false);
        await().atMost(WAIT).until(() -> receiver.received(endpoint).size() == 3);
        for (String id : ids) {
            assertTrue(receiver.received(endpoint).stream().anyMatch(r -> r.body().contains(id)));
        }
    }

    @Test
    void aDeliveryWhoseSenderDiedIsSentWhenItsLeaseEnds() {
        String endpoint = "lease-" + unique();
        webhooks.register(receiver.url(endpoint), "article.published");
        worker.pause(true);
        await().atMost(WAIT).until(() -> worker.inFlight() == 0);
        Api.createPublished(article("Verloren zender " + unique()));
        List<Claimed> taken = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            taken.addAll(store.claim(Map.of(), 10, 10, Duration.ofMillis(800)));
            return taken.stream().anyMatch(c -> c.url().endsWith(endpoint));
        });
        Claimed lost = taken.stream().filter(c -> c.url().endsWith(endpoint)).findFirst().orElseThrow();
        worker.pause(false); // the claimer "died": it never sends nor records
        await().atMost(WAIT).until(() -> receiver.received(endpoint).size() == 1);
        assertEquals(lost.eventId().toString(), receiver.received(endpoint).get(0).id());
        assertFalse(store.record(lost, new AttemptResult(200, 1, null, null), Instant.now(), null),
                "a late result under a lost lease is ignored");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> receiver.received(endpoint).size() == 1);
    }

    @Test
    void eventToDeliveryLatencyOnAnIdleInstance() {
        String endpoint = "snelheid-" + unique();
        webhooks.register(receiver.url(endpoint), "article.published");
        int samples = 40;
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            drafts.add(Api.create(editor(), article("Latentie " + i + " " + unique())));
        }
        List<Long> latencies = new ArrayList<>();
        for (String id : drafts) {
            int before = receiver.received(endpoint).size();
            long sent = System.nanoTime();
            editor().post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(2)).until(() -> receiver.received(endpoint).size() > before);
            latencies.add((receiver.received(endpoint).get(before).receivedNanos() - sent) / 1_000);
        }
        Collections.sort(latencies);
        long p50 = latencies.get(samples / 2);
        long p99 = latencies.get((int) Math.ceil(samples * 0.99) - 1);
        LOG.infof("TARGET event-to-webhook latency on an idle instance (publish request sent -> received), %d "
                + "samples: p50 %.1f ms, p99 %.1f ms, max %.1f ms", samples, p50 / 1000.0, p99 / 1000.0,
                latencies.get(samples - 1) / 1000.0);
        assertTrue(p99 < 1_000_000, "p99 under 1 s: " + p99 + " µs");
    }

    @Test
    void everyWriteTransactionWritesAtMostOneOutboxInsert() {
        OutboxRows.execute("create table if not exists test_outbox_statement (xid xid8 not null)");
        OutboxRows.execute("""
                create or replace function test_count_outbox_statement() returns trigger language plpgsql as $$
                begin insert into test_outbox_statement values (pg_current_xact_id()); return null; end $$""");
        OutboxRows.execute("""
                create or replace trigger test_outbox_statement after insert on outbox_event
                for each statement execute function test_count_outbox_statement()""");
        OutboxRows.execute("truncate test_outbox_statement");
        long from = OutboxRows.head();
        try {
            String writer = "telling-" + unique();
            String tag = "telling-" + unique();
            String id = Api.create(Api.as(writer, "editor"), article("Tellen " + unique(), tag));
            Api.as(writer, "editor").post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
            String second = Api.createPublished(article("Tellen twee " + unique(), tag));
            editor().contentType("application/merge-patch+json").header("If-Match", "*")
                    .body(Map.of("lead", "Anders.")).patch("/api/v1/articles/" + second).then().statusCode(200);
            var read = editor().get("/api/v1/tags/by-slug/" + tag).then().extract();
            editor().contentType("application/merge-patch+json").header("If-Match", read.header("ETag"))
                    .body(Map.of("name", "Getelde " + unique())).patch("/api/v1/tags/" + read.path("id")).then().statusCode(200);
            editor().post("/api/v1/articles/" + second + "/archive").then().statusCode(200);
            editor().delete("/api/v1/tags/" + read.path("id")).then().statusCode(204);
            editor().delete("/api/v1/articles/" + second).then().statusCode(204);

            long events = OutboxRows.longValue("select count(*) from outbox_event where position > ?", from);
            long transactions = OutboxRows.longValue("select count(distinct xid) from test_outbox_statement");
            long statements = OutboxRows.longValue("select count(*) from test_outbox_statement");
            long worst = OutboxRows.longValue(
                    "select coalesce(max(n), 0) from (select count(*) n from test_outbox_statement group by xid) s");
            LOG.infof("TARGET outbox INSERT statements per write transaction: at most %d (%d statements for %d events "
                    + "in %d write transactions)", worst, statements, events, transactions);
            assertEquals(1, worst);
            assertTrue(events > transactions, "some transactions wrote several events with their one INSERT");
        } finally {
            OutboxRows.execute("drop trigger if exists test_outbox_statement on outbox_event");
        }
    }
}
