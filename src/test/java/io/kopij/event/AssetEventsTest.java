package io.kopij.event;

import static io.kopij.media.MediaApi.ASSETS;
import static io.kopij.media.MediaApi.author;
import static io.kopij.media.MediaApi.upload;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.event.WebhookReceiver.Received;
import io.kopij.media.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Asset writes are outbox events (asset.created, asset.updated, asset.deleted) in the writing transaction, never
 * public, delivered to webhooks that ask for them; uploads that store nothing new write no event.
 */
@QuarkusTest
class AssetEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Vertx vertx;

    private WebhookReceiver receiver;
    private final Webhooks webhooks = new Webhooks();
    private long seed = System.nanoTime();

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
    void uploadChangeAndDeletionAreOutboxEventsAndReachWebhooks() throws Exception {
        String endpoint = "media-" + unique();
        // A tag filter restricts article events only: asset events still pass.
        var hook = webhooks.register(receiver.url(endpoint), List.of("asset.*"), Map.of("tags", List.of("geen-" + unique())));
        byte[] bytes = TestImages.jpeg(48, 32, ++seed);
        String id = upload(author("ida-" + unique()), bytes, "i.jpg", "image/jpeg", null).then().statusCode(201)
                .extract().path("id");
        String sha256 = editor().get(ASSETS + "/" + id).then().statusCode(200).extract().path("sha256");
        upload(author("jan-" + unique()), bytes, "j.jpg", "image/jpeg", "Andere alt").then().statusCode(200);
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("alt", "Een kaart", "focalPoint", Map.of("x", 0.25, "y", 0.75))).patch(ASSETS + "/" + id)
                .then().statusCode(200);
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("alt", "Te laat")).patch(ASSETS + "/" + id).then().statusCode(412);
        editor().delete(ASSETS + "/" + id).then().statusCode(204);

        List<OutboxRows.Row> rows = OutboxRows.of(id);
        assertEquals(List.of("asset.created", "asset.updated", "asset.deleted"),
                rows.stream().map(OutboxRows.Row::type).toList(), "one event per write that changed something");
        assertTrue(rows.stream().noneMatch(OutboxRows.Row::isPublic), "assets never reach the public streams");
        for (OutboxRows.Row row : rows) {
            assertEquals(id, row.data().path("id").asText());
            assertEquals("image/jpeg", row.data().path("mimeType").asText());
            assertEquals(sha256, row.data().path("sha256").asText());
        }
        assertEquals(List.of(0L, 1L, 1L), rows.stream().map(r -> r.data().path("version").asLong()).toList());
        assertEquals(List.of(List.of(), List.of("alt", "focalPoint"), List.of()),
                rows.stream().map(r -> strings(r.data().path("changed"))).toList());

        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received(endpoint).size() >= 3);
        List<Received> delivered = receiver.received(endpoint);
        assertEquals(3, delivered.size());
        for (int i = 0; i < 3; i++) {
            Received request = delivered.get(i);
            assertTrue(WebhookReceiver.verifies(request, hook.secret()), "signed");
            assertEquals(rows.get(i).id().toString(), request.id(), "webhook-id is the event id");
            JsonNode body = JSON.readTree(request.body());
            assertEquals(rows.get(i).type(), body.path("type").asText());
            assertEquals(id, body.path("data").path("id").asText());
            assertEquals(rows.get(i).position(), body.path("data").path("position").asLong());
            assertEquals(sha256, body.path("data").path("sha256").asText());
        }
    }

    @Test
    void refusedAndRepeatedUploadsWriteNoEvent() {
        byte[] bytes = TestImages.png(30, 20, ++seed);
        upload(author("kim-" + unique()), bytes, "k.png", "image/png", null).then().statusCode(201);
        long head = OutboxRows.head();
        upload(author("kim-" + unique()), bytes, "k.png", "image/png", "Nog eens").then().statusCode(200);
        upload(author("kim-" + unique()), TestImages.svgWithScript(), "k.svg", "image/svg+xml", null)
                .then().statusCode(415);
        upload(author("kim-" + unique()), TestImages.truncated(TestImages.png(30, 20, ++seed)), "t.png", "image/png",
                null).then().statusCode(422);
        upload(author("kim-" + unique()), TestImages.pngBomb(), "b.png", "image/png", null).then().statusCode(422);
        assertFalse(OutboxRows.after(head).stream().anyMatch(row -> row.type().startsWith("asset.")),
                "no asset event for uploads that stored nothing new");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
