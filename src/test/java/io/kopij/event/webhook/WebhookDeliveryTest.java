package io.kopij.event.webhook;

import static io.kopij.support.Api.admin;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.event.OutboxRows;
import io.kopij.event.WebhookReceiver.Answer;
import io.kopij.event.WebhookReceiver.Received;
import io.kopij.event.WebhookReceiver;
import io.kopij.event.Webhooks;
import io.kopij.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks delivered to a real HTTP receiver: signatures, retries on the (shortened) schedule, 2xx, 410 and
 * timeouts, rotation, redelivery, ping, filters, per-article order, and the SSRF re-check at delivery time.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Vertx vertx;
    @Inject
    WebhookMetrics metrics;

    private WebhookReceiver receiver;
    private final Webhooks webhooks = new Webhooks();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        webhooks.close();
        receiver.close();
    }

    @Test
    void aPublicationIsDeliveredSignedWithStandardWebhooksHeaders() throws Exception {
        String endpoint = "site-" + unique();
        String tag = "bezorgd-" + unique();
        var hook = webhooks.register(receiver.url(endpoint), List.of("article.published"), Map.of("tags", List.of(tag)));
        String other = Api.createPublished(article("Niet voor deze haak " + unique(), "ander-" + unique()));
        String id = Api.createPublished(article("Wel voor deze haak " + unique(), tag));

        Received request = awaitOne(endpoint);
        assertTrue(WebhookReceiver.verifies(request, hook.secret()), "signature verifies with the secret");
        assertFalse(WebhookReceiver.verifies(request, Signatures.newSecret()));
        assertTrue(Math.abs(Long.parseLong(request.timestamp()) - Instant.now().getEpochSecond()) < 60);
        JsonNode body = JSON.readTree(request.body());
        assertEquals("article.published", body.path("type").asText());
        assertEquals(id, body.path("data").path("id").asText());
        assertTrue(body.path("data").path("position").asLong() > 0);
        assertEquals(tag, body.path("data").path("primaryTag").asText());
        assertNotNull(Instant.parse(body.path("timestamp").asText()));
        OutboxRows.Row event = OutboxRows.of(id).stream().filter(r -> r.type().equals("article.published"))
                .findFirst().orElseThrow();
        assertEquals(event.id().toString(), request.id(), "webhook-id is the event id");
        assertTrue(receiver.received(endpoint).stream().noneMatch(r -> r.body().contains(other)), "filtered out");

        admin().get("/api/v1/webhooks/" + hook.id() + "/deliveries").then().statusCode(200)
                .body("data[0].eventId", is(request.id()), "data[0].type", is("article.published"),
                        "data[0].status", is("delivered"), "data[0].attempts[0].statusCode", is(200),
                        "data[0].attempts[0].responseExcerpt", is("answer 200 from " + endpoint));
    }

    @Test
    void deliveriesAndLagAreMetrics() {
        String endpoint = "meting-" + unique();
        var hook = webhooks.register(receiver.url(endpoint), "article.published");
        Api.createPublished(article("Gemeten " + unique()));
        awaitOne(endpoint);
        metrics.refresh();
        String scraped = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(scraped.contains("kopij_webhook_attempts_total{outcome=\"success\"}"), "attempt counter");
        assertTrue(scraped.contains("kopij_webhook_failures_total"), "failure counter");
        assertTrue(scraped.contains("kopij_outbox_lag_seconds"), "fan-out lag");
        assertTrue(scraped.contains("kopij_webhook_lag_seconds{webhook=\"" + hook.id() + "\"}"), "per-endpoint lag");
    }

    @Test
    void failuresAreRetriedOnTheScheduleUntilA2xx() {
        String endpoint = "retry-" + unique();
        var hook = webhooks.register(receiver.url(endpoint), "article.published");
        receiver.script(endpoint, Answer.status(500), Answer.slow(3_000), Answer.status(503));
        Api.createPublished(article("Probeer opnieuw " + unique()));

        await().atMost(WAIT).until(() -> receiver.received(endpoint).size() >= 4);
        List<Received> attempts = receiver.received(endpoint);
        assertEquals(1, attempts.stream().map(Received::id).distinct().count(), "the same event each time");
        // Waits of 200, 400 and 600 ms (±20 %) after the failures; the timeout itself takes 1.5 s.
        long firstWait = (attempts.get(1).receivedNanos() - attempts.get(0).receivedNanos()) / 1_000_000;
        assertTrue(firstWait >= 150, "retried after the first wait of the schedule, not at once: " + firstWait);
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/v1/webhooks/" + hook.id() + "/deliveries")
                .then().body("data[0].status", is("delivered"), "data[0].attempts.size()", is(4),
                        "data[0].attempts[0].statusCode", is(500),
                        "data[0].attempts[1].error", Matchers.startsWith("timed out"),
                        "data[0].attempts[2].statusCode", is(503), "data[0].attempts[3].statusCode", is(200)));
        assertEquals(4, receiver.received(endpoint).size(), "a 2xx ends the retries");
    }

    @Test
    void aDeliveryFailsForGoodWhenTheScheduleRunsOut() {
        String endpoint = "kapot-" + unique();
        var hook = webhooks.register(receiver.url(endpoint), "article.published");
        receiver.answerByDefault(endpoint, Answer.status(500));
        Api.createPublished(article("Nooit aangekomen " + unique()));
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/v1/webhooks/" + hook.id() + "/deliveries")
                .then().body("data[0].status", is("failed"), "data[0].attempts.size()", is(4)));
        admin().get("/api/v1/webhooks/" + hook.id()).then().body("enabled", is(true));
    }

    @Test
    void a410DisablesTheEndpoint() {
        String endpoint = "weg-" + unique();
        var hook = webhooks.register(receiver.url(endpoint), "article.*");
        receiver.script(endpoint, Answer.status(410));
        Api.createPublished(article("Weg " + unique()));
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/v1/webhooks/" + hook.id()).then()
                .body("enabled", is(false), "disabledReason", Matchers.containsString("410")));
        int seen = receiver.received(endpoint).size();
        Api.createPublished(article("Niet meer " + unique()));
        String probe = Api.createPublished(article("Peiling " + unique()));
        // Another endpoint receives the later events; the disabled one gets nothing more.
        String control = "controle-" + unique();
        webhooks.register(receiver.url(control), "article.published");
        String after = Api.createPublished(article("Daarna " + unique()));
        await().atMost(WAIT).until(() -> receiver.received(control).stream().anyMatch(r -> r.body().contains(after)));
        assertEquals(seen, receiver.received(endpoint).size());
        assertFalse(receiver.received(endpoint).stream().anyMatch(r -> r.body().contains(probe)));
    }

    @Test
    void duringARotationBothSecretsSign() {
        String endpoint = "draai-" + unique();
        var hook = webhooks.register(receiver.url(endpoint), "article.published");
        String newSecret = admin().post("/api/v1/webhooks/" + hook.id() + "/rotate-secret").then().statusCode(200)
                .extract().path("secret");
        Api.createPublished(article("Twee handtekeningen " + unique()));
        Received request = awaitOne(endpoint);
        assertEquals(2, request.signature().split(" ").length);
        assertTrue(WebhookReceiver.verifies(request, newSecret));
        assertTrue(WebhookReceiver.verifies(request, hook.secret()), "the old secret still verifies");
    }

    @Test
    void aRedeliverySendsTheSameIdAndBody() {
        String endpoint = "nogmaals-" + unique();
        var hook = webhooks.register(receiver.url(endpoint), "article.published");
        Api.createPublished(article("Nog een keer " + unique()));
        Received first = awaitOne(endpoint);
        String deliveryId = admin().get("/api/v1/webhooks/" + hook.id() + "/deliveries").then().extract()
                .path("data[0].id");
        admin().post("/api/v1/webhooks/" + hook.id() + "/deliveries/" + deliveryId + "/redeliver").then()
                .statusCode(202).body("eventId", is(first.id()), "status", is("pending"));
        await().atMost(WAIT).until(() -> receiver.received(endpoint).size() == 2);
        Received again = receiver.received(endpoint).get(1);
        assertEquals(first.id(), again.id());
        assertEquals(first.body(), again.body());
        assertTrue(WebhookReceiver.verifies(again, hook.secret()));
        admin().post("/api/v1/webhooks/" + hook.id() + "/deliveries/" + UUID.randomUUID() + "/redeliver")
                .then().statusCode(404).body("code", is("webhook.delivery-not-found"));
    }

    @Test
    void aPingArrives() throws Exception {
        String endpoint = "ping-" + unique();
        var hook = webhooks.register(receiver.url(endpoint), "article.deleted");
        admin().post("/api/v1/webhooks/" + hook.id() + "/ping").then().statusCode(202).body("type", is("webhook.ping"));
        Received ping = awaitOne(endpoint);
        JsonNode body = JSON.readTree(ping.body());
        assertEquals("webhook.ping", body.path("type").asText());
        assertEquals(hook.id(), body.path("data").path("webhookId").asText());
        assertTrue(WebhookReceiver.verifies(ping, hook.secret()));
    }

    @Test
    void eventsOfOneArticleArriveInOrderEvenWhenTheFirstIsRetried() throws Exception {
        String endpoint = "volgorde-" + unique();
        webhooks.register(receiver.url(endpoint), "article.*");
        receiver.script(endpoint, Answer.status(500), Answer.status(500));
        String id = Api.create(editor(), article("Volgorde " + unique()));
        editor().post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        editor().post("/api/v1/articles/" + id + "/archive").then().statusCode(200);
        await().atMost(WAIT).until(() -> receiver.received(endpoint).stream().map(Received::id).distinct().count() == 3);
        List<String> types = receiver.received(endpoint).stream().map(r -> type(r.body())).distinct().toList();
        assertEquals(List.of("article.created", "article.published", "article.archived"), types);
    }

    @Test
    void aSlowEndpointDoesNotDelayAFastOne() {
        String slow = "traag-" + unique();
        String fast = "snel-" + unique();
        receiver.answerByDefault(slow, Answer.slow(1_400));
        webhooks.register(receiver.url(slow), "article.published");
        webhooks.register(receiver.url(fast), "article.published");
        // Eight articles published by the scheduler in one transaction: eight events at once for both endpoints.
        String at = Instant.now().plusSeconds(3).toString();
        for (int i = 0; i < 8; i++) {
            String id = Api.create(editor(), article("Snel en traag " + i + " " + unique()));
            editor().contentType(ContentType.JSON).body(Map.of("at", at))
                    .post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        }
        await().atMost(WAIT).until(() -> receiver.received(fast).size() == 8);
        long fastDone = System.nanoTime();
        assertTrue(receiver.received(slow).size() < 8, "the slow endpoint is still busy when the fast one is done");
        assertTrue(fastDone - receiver.received(fast).get(0).receivedNanos() < Duration.ofMillis(1_000).toNanos(),
                "the fast endpoint got all eight within a second");
        await().atMost(WAIT).until(() -> receiver.received(slow).size() == 8);
    }

    @Test
    void theTargetIsCheckedAgainAtDeliveryTime() {
        String endpoint = "herkeur-" + unique();
        var hook = webhooks.register(receiver.url(endpoint), "article.published");
        // As if DNS changed after registration: the host now points at the cloud metadata address.
        OutboxRows.execute("update webhook set url = 'http://169.254.169.254/latest/meta-data' where id = ?::uuid", hook.id());
        Api.createPublished(article("Metadata " + unique()));
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/v1/webhooks/" + hook.id() + "/deliveries")
                .then().body("data[0].attempts[0].error", Matchers.containsString("link-local"),
                        "data[0].attempts[0].statusCode", Matchers.nullValue()));
        assertTrue(receiver.received(endpoint).isEmpty());
    }

    private Received awaitOne(String endpoint) {
        await().atMost(WAIT).until(() -> !receiver.received(endpoint).isEmpty());
        return receiver.received(endpoint).get(0);
    }

    private static String type(String body) {
        try {
            return JSON.readTree(body).path("type").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
