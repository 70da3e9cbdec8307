package io.kopij.event.live;

import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.event.OutboxRows;
import io.kopij.event.outbox.OutboxCleanup;
import io.kopij.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Live streams: SSE with resume by Last-Event-ID, and GraphQL subscriptions over graphql-transport-ws. */
@QuarkusTest
class LiveTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Vertx vertx;
    @Inject
    LiveFeed feed;
    @Inject
    OutboxCleanup cleanup;

    @TestHTTPResource("/api/v1/changes")
    URI changes;

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void serverSentEventsResumeWithoutGaps() {
        String a;
        String b;
        String bPosition;
        try (SseClient first = new SseClient(vertx, changes, null)) {
            await().atMost(WAIT).until(first::connected);
            assertEquals(200, first.status.get());
            assertTrue(first.contentType.get().startsWith("text/event-stream"));
            assertEquals("no-store", first.cacheControl.get());
            a = Api.createPublished(article("Live A " + unique()));
            String draft = Api.create(editor(), article("Live concept " + unique()));
            b = Api.createPublished(article("Live B " + unique()));
            await().atMost(WAIT).until(() -> published(first, b) != null);
            assertTrue(published(first, a) != null);
            assertTrue(first.events.stream().noneMatch(e -> e.data().contains(draft)), "drafts never");
            SseClient.Event event = published(first, b);
            bPosition = event.id();
            JsonNode envelope = read(event.data());
            assertEquals("article.published", envelope.path("type").asText());
            assertEquals(b, envelope.path("data").path("id").asText());
            assertEquals(Long.parseLong(bPosition), envelope.path("data").path("position").asLong());
            await().atMost(WAIT).until(() -> first.comments.contains("keep-alive"));
        }
        // While disconnected: more changes.
        String c = Api.createPublished(article("Live C " + unique()));
        editor().contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("title", "Live C bewerkt " + unique())).patch("/api/v1/articles/" + c).then().statusCode(200);
        String d = Api.createPublished(article("Live D " + unique()));
        long dPosition = OutboxRows.of(d).stream().filter(r -> r.type().equals("article.published")).findFirst()
                .orElseThrow().position();
        try (SseClient resumed = new SseClient(vertx, changes, bPosition)) {
            await().atMost(WAIT).until(() -> published(resumed, d) != null);
            List<Long> positions = resumed.events.stream().map(e -> Long.parseLong(e.id()))
                    .filter(p -> p <= dPosition).toList();
            List<Long> expected = OutboxRows.after(Long.parseLong(bPosition)).stream()
                    .filter(r -> r.isPublic() && r.position() <= dPosition).map(OutboxRows.Row::position).toList();
            assertEquals(expected, positions, "every public event after Last-Event-ID, in order, none twice");
            assertTrue(positions.stream().allMatch(p -> p > Long.parseLong(bPosition)));
            List<String> forC = resumed.events.stream().filter(e -> e.data().contains(c)).map(SseClient.Event::type).toList();
            assertEquals(List.of("article.published", "article.updated"), forC);
        }
    }

    @Test
    void badOrExpiredLastEventIdsAreProblems() {
        anonymous().header("Last-Event-ID", "gisteren").accept("text/event-stream").get("/api/v1/changes")
                .then().statusCode(400).contentType("application/problem+json");
        Api.createPublished(article("Voor de horizon " + unique()));
        await().atMost(WAIT).until(() ->
                OutboxRows.longValue("select position from outbox_consumer where name = 'webhooks'") >= OutboxRows.head());
        cleanup.purgeOlderThan(Instant.now().plusSeconds(60));
        anonymous().header("Last-Event-ID", "0").accept("text/event-stream").get("/api/v1/changes")
                .then().statusCode(410).body("code", is("changes.position-expired"));
    }

    @Test
    void aGraphQLSubscriptionReceivesAPublicationMadeThroughRest() throws Exception {
        String tag = "abonnement-" + unique();
        List<JsonNode> messages = new CopyOnWriteArrayList<>();
        WebSocket socket = connect(messages);
        try {
            socket.writeTextMessage("{\"type\": \"connection_init\"}");
            await().atMost(WAIT).until(() -> messages.stream().anyMatch(m -> m.path("type").asText().equals("connection_ack")));
            int streams = feed.streamCount();
            socket.writeTextMessage(JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe", "payload", Map.of(
                    "query", "subscription($tags: [String]) { articlePublished(filter: {tags: $tags}) { id title status "
                            + "tags { slug } authors { name } body { html } related(first: 2) { id } } }",
                    "variables", Map.of("tags", List.of(tag))))));
            await().atMost(WAIT).until(() -> feed.streamCount() > streams);

            String draft = Api.create(editor(), article("Abonnement concept " + unique(), tag));
            Api.createPublished(article("Andere tag " + unique(), "niet-" + unique()));
            String wanted = Api.createPublished(article("Abonnement " + unique(), tag));
            await().atMost(WAIT).until(() -> next(messages, "1").size() == 1);
            JsonNode article = next(messages, "1").get(0).path("payload").path("data").path("articlePublished");
            assertEquals(wanted, article.path("id").asText());
            assertEquals("PUBLISHED", article.path("status").asText());
            assertEquals(tag, article.path("tags").get(0).path("slug").asText());
            assertTrue(article.path("body").path("html").asText().contains("<strong>"));
            assertFalse(messages.toString().contains(draft));

            // articleChanged: the article after each public change.
            socket.writeTextMessage(JSON.writeValueAsString(Map.of("id", "2", "type", "subscribe", "payload", Map.of(
                    "query", "subscription($id: ID!) { articleChanged(id: $id) { id title } }",
                    "variables", Map.of("id", wanted)))));
            await().atMost(WAIT).until(() -> feed.streamCount() > streams + 1);
            String title = "Abonnement bewerkt " + unique();
            editor().contentType("application/merge-patch+json").header("If-Match", "*")
                    .body(Map.of("title", title)).patch("/api/v1/articles/" + wanted).then().statusCode(200);
            await().atMost(WAIT).until(() -> next(messages, "2").size() == 1);
            assertEquals(title, next(messages, "2").get(0).path("payload").path("data").path("articleChanged")
                    .path("title").asText());
            socket.writeTextMessage("{\"id\": \"1\", \"type\": \"complete\"}");
            socket.writeTextMessage("{\"id\": \"2\", \"type\": \"complete\"}");
            await().atMost(WAIT).until(() -> feed.streamCount() == streams);
        } finally {
            socket.close();
        }
    }

    @Test
    void aSubscriptionWithABadFilterIsAnError() throws Exception {
        List<JsonNode> messages = new CopyOnWriteArrayList<>();
        WebSocket socket = connect(messages);
        try {
            socket.writeTextMessage("{\"type\": \"connection_init\"}");
            await().atMost(WAIT).until(() -> messages.stream().anyMatch(m -> m.path("type").asText().equals("connection_ack")));
            socket.writeTextMessage(JSON.writeValueAsString(Map.of("id", "9", "type", "subscribe", "payload", Map.of(
                    "query", "subscription { articlePublished(filter: {status: [DRAFT]}) { id } }"))));
            await().atMost(WAIT).until(() -> messages.stream().anyMatch(m -> m.path("id").asText().equals("9")
                    && !m.path("type").asText().equals("next")) || !next(messages, "9").isEmpty());
            assertTrue(messages.toString().contains("request.invalid"), messages.toString());
        } finally {
            socket.close();
        }
    }

    private WebSocket connect(List<JsonNode> messages) throws Exception {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(graphql.getHost())
                .setPort(graphql.getPort()).setURI(graphql.getRawPath()).addSubProtocol("graphql-transport-ws");
        WebSocket socket = vertx.createHttpClient().webSocket(options).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertEquals("graphql-transport-ws", socket.subProtocol());
        socket.textMessageHandler(text -> messages.add(read(text)));
        return socket;
    }

    private static List<JsonNode> next(List<JsonNode> messages, String id) {
        return messages.stream().filter(m -> m.path("type").asText().equals("next") && m.path("id").asText().equals(id))
                .toList();
    }

    private static SseClient.Event published(SseClient client, String id) {
        return client.events.stream().filter(e -> "article.published".equals(e.type()) && e.data().contains(id))
                .findFirst().orElse(null);
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
