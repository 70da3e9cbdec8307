package io.kopij.media;

import static io.kopij.media.MediaApi.ASSETS;
import static io.kopij.media.MediaApi.author;
import static io.kopij.media.MediaApi.upload;
import static io.kopij.support.Api.editor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kopij.media.AssetChanged.Kind;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every write to an asset fires {@link AssetChanged} inside its transaction (where the change-propagation outbox
 * records it: event.AssetEventsTest) and only writes that commit reach after-commit observers; writes that change
 * nothing fire nothing.
 */
@QuarkusTest
class AssetChangedTest {

    @Inject
    AssetChangeRecorder recorder;

    private long seed = System.nanoTime();

    @Test
    void uploadsChangesAndDeletionsAreAnnounced() {
        byte[] bytes = TestImages.png(40, 30, ++seed);
        UUID id = UUID.fromString(upload(author("eva"), bytes, "e.png", "image/png", null)
                .then().statusCode(201).extract().path("id"));
        upload(author("frank"), bytes, "f.png", "image/png", "Andere alt").then().statusCode(200); // known bytes
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("alt", "Een test", "credit", "Foto: test")).patch(ASSETS + "/" + id)
                .then().statusCode(200);
        editor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("alt", "Een test")).patch(ASSETS + "/" + id).then().statusCode(200); // no change
        editor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("focalPoint", Map.of("x", 0.2, "y", 0.8))).patch(ASSETS + "/" + id)
                .then().statusCode(200);
        editor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("alt", "Te laat")).patch(ASSETS + "/" + id).then().statusCode(412); // refused
        editor().delete(ASSETS + "/" + id).then().statusCode(204);

        List<AssetChangeRecorder.Seen> fired = recorder.fired(id);
        assertEquals(List.of(Kind.CREATED, Kind.UPDATED, Kind.UPDATED, Kind.DELETED),
                fired.stream().map(seen -> seen.change().kind()).toList());
        assertTrue(fired.stream().allMatch(AssetChangeRecorder.Seen::inTransaction), "fired inside the write");
        assertEquals(List.of(0L, 1L, 2L, 2L), fired.stream().map(seen -> seen.change().version()).toList());
        assertEquals(List.of(List.of(), List.of("alt", "credit"), List.of("focalPoint"), List.of()),
                fired.stream().map(seen -> seen.change().changed()).toList());
        assertEquals(fired.stream().map(AssetChangeRecorder.Seen::change).toList(), recorder.committed(id));
        assertEquals("asset.created", Kind.CREATED.eventType());
    }
}
