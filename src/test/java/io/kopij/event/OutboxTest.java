package io.kopij.event;

import static io.kopij.support.Api.article;
import static io.kopij.support.Api.as;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kopij.event.outbox.Outbox;
import io.kopij.event.outbox.OutboxEvent;
import io.kopij.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** The transactional outbox: what each write emits, in its own transaction, in one global order. */
@QuarkusTest
class OutboxTest {

    private static final Logger LOG = Logger.getLogger(OutboxTest.class);

    @Inject
    Outbox outbox;

    @Test
    void everyArticleWriteEmitsItsEventWithTheChangedFields() {
        String tag = "uitbox-" + unique();
        String id = Api.create(editor(), article("Waarom een uitbox? " + unique(), tag));
        editor().post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        long version = editor().get("/api/v1/articles/" + id).then().extract().jsonPath().getLong("version");
        editor().contentType("application/merge-patch+json").header("If-Match", "\"" + version + "\"")
                .body(Map.of("title", "Waarom toch een uitbox? " + unique())).patch("/api/v1/articles/" + id)
                .then().statusCode(200);
        editor().post("/api/v1/articles/" + id + "/unpublish").then().statusCode(200);
        editor().contentType(ContentType.JSON).body(Map.of("title", "Alleen een concept " + unique(), "tags", List.of(tag)))
                .header("If-Match", "*").put("/api/v1/articles/" + id).then().statusCode(200);
        editor().delete("/api/v1/articles/" + id).then().statusCode(204);

        List<OutboxRows.Row> events = OutboxRows.of(id);
        assertEquals(List.of("article.created", "article.published", "article.updated", "article.unpublished",
                "article.updated", "article.deleted"), events.stream().map(OutboxRows.Row::type).toList());
        // Drafts are not public; the publication, the edit while published and the unpublication are.
        assertEquals(List.of(false, true, true, true, false, false), events.stream().map(OutboxRows.Row::isPublic).toList());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).position() > events.get(i - 1).position(), "positions grow");
        }
        var published = events.get(1).data();
        assertEquals(id, published.path("id").asText());
        assertEquals("published", published.path("status").asText());
        assertEquals(tag, published.path("primaryTag").asText());
        assertEquals("nl", published.path("language").asText());
        assertEquals("https://www.example.nl/" + tag + "/" + published.path("slug").asText(), published.path("url").asText());
        assertTrue(published.hasNonNull("publishedAt"));
        assertEquals(List.of("publishedAt", "status"), names(published.path("changed")).stream().sorted().toList());
        assertEquals(List.of("title"), names(events.get(2).data().path("changed")));
        assertEquals(List.of("body", "lead", "title"), names(events.get(4).data().path("changed")).stream().sorted().toList());
        assertTrue(names(events.get(0).data().path("changed")).containsAll(List.of("title", "body", "tags", "authors")));
        assertEquals(List.of(tag), events.get(0).tags());
    }

    @Test
    void oneTransactionWritesItsEventsWithOneInsert() {
        // A new writer with a new tag: the author profile, the tag and the article are created in one transaction.
        String writer = "schrijver-" + unique();
        String tag = "eenmaal-" + unique();
        String id = Api.create(as(writer, "editor"), article("Eén insert " + unique(), tag));
        List<OutboxRows.Row> article = OutboxRows.of(id);
        assertEquals(1, article.size());
        String xid = article.get(0).xid();
        long inTransaction = OutboxRows.longValue("select count(*) from outbox_event where xid = ?::xid8", xid);
        assertEquals(3, inTransaction, "author.created, tag.created and article.created");
        long types = OutboxRows.longValue("select count(distinct type) from outbox_event where xid = ?::xid8 "
                + "and type in ('author.created', 'tag.created', 'article.created')", xid);
        assertEquals(3, types);
    }

    @Test
    void aTagRenameEmitsArticleUpdatedForEachPublishedArticleShowingIt() {
        String tag = "hernoem-" + unique();
        String first = Api.createPublished(article("Eerste " + unique(), tag));
        String second = Api.createPublished(article("Tweede " + unique(), "ander-" + unique(), tag));
        String draft = Api.create(editor(), article("Concept " + unique(), tag));
        var read = editor().get("/api/v1/tags/by-slug/" + tag).then().statusCode(200).extract();
        String tagId = read.path("id");
        String renamed = tag + "-nieuw";
        editor().contentType("application/merge-patch+json").header("If-Match", read.header("ETag"))
                .body(Map.of("name", "Hernoemd " + unique(), "slug", renamed)).patch("/api/v1/tags/" + tagId)
                .then().statusCode(200);

        List<OutboxRows.Row> tagEvents = OutboxRows.of(tagId);
        OutboxRows.Row tagUpdated = tagEvents.get(tagEvents.size() - 1);
        assertEquals("tag.updated", tagUpdated.type());
        assertEquals(List.of("name", "slug"), names(tagUpdated.data().path("changed")));
        for (String id : List.of(first, second)) {
            OutboxRows.Row last = last(OutboxRows.of(id));
            assertEquals("article.updated", last.type());
            assertEquals(tagUpdated.xid(), last.xid(), "same transaction as the rename");
            assertTrue(last.isPublic());
            assertEquals(List.of("tags"), names(last.data().path("changed")));
            assertTrue(last.tags().containsAll(List.of(renamed, tag)), "filters on the old and the new slug match");
        }
        assertEquals("https://www.example.nl/" + renamed + "/" + last(OutboxRows.of(first)).data().path("slug").asText(),
                last(OutboxRows.of(first)).data().path("url").asText());
        assertEquals("article.created", last(OutboxRows.of(draft)).type(), "drafts get no event from a rename");
    }

    @Test
    void deletingATagEmitsArticleUpdatedForThePublishedArticlesThatShowedIt() {
        String tag = "weg-" + unique();
        String shown = Api.createPublished(article("Met de tag " + unique(), tag, "blijft-" + unique()));
        String tagId = editor().get("/api/v1/tags/by-slug/" + tag).then().extract().path("id");
        editor().delete("/api/v1/tags/" + tagId).then().statusCode(204);
        OutboxRows.Row tagDeleted = last(OutboxRows.of(tagId));
        assertEquals("tag.deleted", tagDeleted.type());
        OutboxRows.Row updated = last(OutboxRows.of(shown));
        assertEquals("article.updated", updated.type());
        assertEquals(tagDeleted.xid(), updated.xid());
        assertTrue(updated.tags().contains(tag), "a filter on the deleted tag still matches, so it learns the article left");
        assertFalse(updated.data().path("primaryTag").asText().equals(tag));
    }

    @Test
    void anAuthorRenameEmitsArticleUpdatedForTheirPublishedArticles() {
        String writer = "hernoemd-" + unique();
        String id = Api.create(as(writer, "editor"), article("Van een schrijver " + unique(), "x-" + unique()));
        as(writer, "editor").post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        var me = as(writer, "editor").get("/api/v1/me").then().statusCode(200).extract();
        String authorId = me.path("author.id");
        long version = me.jsonPath().getLong("author.version");
        as(writer, "editor").contentType("application/merge-patch+json").header("If-Match", "\"" + version + "\"")
                .body(Map.of("name", "Nieuwe Naam " + unique())).patch("/api/v1/authors/" + authorId).then().statusCode(200);
        OutboxRows.Row authorUpdated = last(OutboxRows.of(authorId));
        assertEquals("author.updated", authorUpdated.type());
        assertEquals(List.of("name"), names(authorUpdated.data().path("changed")));
        assertFalse(authorUpdated.isPublic());
        OutboxRows.Row articleUpdated = last(OutboxRows.of(id));
        assertEquals("article.updated", articleUpdated.type());
        assertEquals(List.of("authors"), names(articleUpdated.data().path("changed")));
        assertEquals(authorUpdated.xid(), articleUpdated.xid());
    }

    @Test
    void aRolledBackWriteLeavesNoEvent() {
        String id = Api.create(editor(), article("Teruggedraaid " + unique()));
        editor().contentType(ContentType.JSON).header("If-Match", "\"999\"").body(article("Nooit " + unique()))
                .put("/api/v1/articles/" + id).then().statusCode(412);
        editor().contentType(ContentType.JSON).body(Map.of("title", "Ongeldig", "related", List.of(id)))
                .header("If-Match", "*").put("/api/v1/articles/" + id).then().statusCode(422);
        assertEquals(List.of("article.created"), OutboxRows.of(id).stream().map(OutboxRows.Row::type).toList());
    }

    @Test
    void theSchedulerPublishesThroughTheOutboxToo() {
        String id = Api.create(editor(), article("Gepland " + unique()));
        editor().contentType(ContentType.JSON).body(Map.of("at", Instant.now().plusMillis(300).toString()))
                .post("/api/v1/articles/" + id + "/publish").then().statusCode(200).body("status", is("scheduled"));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> last(OutboxRows.of(id)).type().equals("article.published"));
        List<String> types = OutboxRows.of(id).stream().map(OutboxRows.Row::type).toList();
        assertEquals(List.of("article.created", "article.scheduled", "article.published"), types);
        assertTrue(last(OutboxRows.of(id)).isPublic());
    }

    /**
     * Two transactions that commit in the other order than they wrote: a reader that follows positions sees the
     * one that committed first, then the other at a higher position; it never moves past an event it has not seen.
     */
    @Test
    void aReaderFollowingPositionsNeverSkipsALateCommit() throws Exception {
        long start = outbox.head();
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        try (Connection first = OutboxRows.dataSource().getConnection();
                Connection second = OutboxRows.dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            insertEvent(first, early);     // starts first ...
            insertEvent(second, late);
            second.commit();               // ... but commits last
            List<OutboxEvent> seen = outbox.after(start, 100, false);
            assertEquals(List.of(late), subjects(seen, early, late));
            long position = seen.stream().filter(e -> e.subjectId().equals(late)).findFirst().orElseThrow().position();
            first.commit();
            List<OutboxEvent> next = outbox.after(position, 100, false);
            assertEquals(List.of(early), subjects(next, early, late), "the late commit is after the reader's position");
            LOG.infof("Interleaved commits: second committed at position %d, first at %d", position,
                    next.stream().filter(e -> e.subjectId().equals(early)).findFirst().orElseThrow().position());
        }
    }

    private static void insertEvent(Connection connection, UUID subject) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into outbox_event "
                + "(id, type, subject_id, public, data) values (?, 'tag.updated', ?, false, '{}'::jsonb)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, subject);
            insert.executeUpdate();
        }
    }

    private static List<UUID> subjects(List<OutboxEvent> events, UUID... wanted) {
        List<UUID> interesting = List.of(wanted);
        return events.stream().map(OutboxEvent::subjectId).filter(interesting::contains).toList();
    }

    private static OutboxRows.Row last(List<OutboxRows.Row> rows) {
        return rows.get(rows.size() - 1);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
