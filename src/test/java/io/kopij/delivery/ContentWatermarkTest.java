package io.kopij.delivery;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kopij.event.OutboxRows;
import io.kopij.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The content watermark moves with public changes only, learns them from the commit notification within
 * milliseconds, and catches up by itself when a notification is lost.
 */
@QuarkusTest
class ContentWatermarkTest {

    private static final Logger LOG = Logger.getLogger(ContentWatermarkTest.class);

    @Inject
    ContentWatermark watermark;

    @Test
    void aPublishMovesItAndADraftSaveDoesNot() {
        create(editor(), article("Warm-up " + unique())); // the editor's author profile exists from here on
        long before = settled();
        long head = OutboxRows.head();
        String id = create(editor(), article("Concept " + unique()));
        await().atMost(Duration.ofSeconds(5)).until(() -> OutboxRows.head() > head); // the draft's event committed
        assertEquals(before, watermark.refresh(), "a draft save moved the watermark");
        assertEquals(before, watermark.current());

        editor().post(ARTICLES + "/" + id + "/publish").then().statusCode(200);
        long published = OutboxRows.longValue("select max(position) from outbox_event where subject_id = ?::uuid", id);
        await().atMost(Duration.ofSeconds(2)).until(() -> watermark.current() >= published);
        assertEquals(published, watermark.current());
    }

    /**
     * Through GraphQL, whose mutations do not re-read the watermark on the writing instance (REST writes do, see
     * WriteVisibility): what moves it here is the commit notification, as on every other instance.
     */
    @Test
    void everyInstanceLearnsAPublishWithinMilliseconds() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = create(editor(), article("Snel " + unique()));
            settled();
            GraphQL.post(editor(), "mutation($id: ID!) { publishArticle(id: $id) { status } }", Map.of("id", id))
                    .statusCode(200).body("errors", nullValue());
            long start = System.nanoTime(); // the publish has committed
            long published = OutboxRows.longValue("select max(position) from outbox_event where subject_id = ?::uuid", id);
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(1)).until(() -> watermark.current() >= published);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        LOG.infof("TARGET publish committed (answer received) -> watermark moved (ms, 5 publishes): %s", millis);
        // Well below the periodic re-read (watermark-refresh and the listener's poll, 500 ms in tests): the
        // notification did it, every time.
        assertTrue(millis.stream().allMatch(ms -> ms < 300), "too slow: " + millis);
    }

    @Test
    void aLostNotificationIsCaughtUpByThePeriodicRead() throws Exception {
        long before = settled();
        // An event committed without its commit trigger, so without a notification: as if it had been lost.
        long position;
        try (Connection connection = OutboxRows.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            try (var rows = statement.executeQuery("select nextval('outbox_position_seq')")) {
                rows.next();
                position = rows.getLong(1);
            }
            statement.execute("insert into outbox_event (id, position, type, subject_id, public, data) values "
                    + "(gen_random_uuid(), " + position + ", 'tag.updated', gen_random_uuid(), false, "
                    + "'{\"changed\": []}')");
            statement.execute("set session_replication_role = origin");
        }
        assertTrue(position > before);
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(5)).until(() -> watermark.current() >= position);
        LOG.infof("Watermark caught up with an event committed without notification after %d ms",
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Waits until no change is on its way and returns the watermark. */
    private long settled() {
        await().atMost(Duration.ofSeconds(5)).until(() -> watermark.current() == watermark.refresh());
        return watermark.current();
    }
}
