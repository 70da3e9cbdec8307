package io.kopij.event.sync;

import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kopij.event.OutboxRows;
import io.kopij.event.outbox.OutboxCleanup;
import io.kopij.support.Api;
import io.kopij.support.QuietScheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** Delta sync: the initial listing in pages, then exactly the changes since, tombstones included. */
@QuarkusTest
class SyncTest {

    private static final Logger LOG = Logger.getLogger(SyncTest.class);

    @Inject
    OutboxCleanup cleanup;
    @Inject
    SessionFactory sessionFactory;

    @Test
    void initialPagesThenTheChangesOnceEach() {
        String tag = "sync-" + unique();
        String kept = Api.createPublished(article("Blijft " + unique(), tag));
        String unpublished = Api.createPublished(article("Wordt concept " + unique(), tag));
        String deleted = Api.createPublished(article("Wordt verwijderd " + unique(), tag));
        String untagged = Api.createPublished(article("Verliest de tag " + unique(), tag, "ander-" + unique()));
        Api.createPublished(article("Andere tag " + unique(), "buiten-" + unique()));
        Api.create(editor(), article("Concept met tag " + unique(), tag));

        // Initial: 4 published articles with the tag, in pages of 3.
        JsonPath first = get("/api/v1/sync?initial=true&limit=3&tag=" + tag);
        assertEquals(3, first.getList("items").size());
        assertEquals(null, first.getString("nextSyncUrl"));
        JsonPath second = getUrl(first.getString("nextPageUrl"));
        assertEquals(1, second.getList("items").size());
        assertEquals(null, second.getString("nextPageUrl"));
        Set<String> initial = new HashSet<>(first.getList("items.id"));
        initial.addAll(second.getList("items.id"));
        assertEquals(Set.of(kept, unpublished, deleted, untagged), initial);
        assertTrue(second.getString("items[0].body.html").contains("<strong>"), "items are full articles");
        String syncUrl = second.getString("nextSyncUrl");

        // Nothing changed: an empty delta.
        JsonPath quiet = getUrl(syncUrl);
        assertEquals(0, quiet.getList("items").size());
        assertEquals(0, quiet.getList("deleted").size());
        syncUrl = quiet.getString("nextSyncUrl");

        // Changes: a new publication edited five times, an unpublication, a deletion, a tag removed, a draft edit.
        String fresh = Api.createPublished(article("Nieuw " + unique(), tag));
        String lastTitle = null;
        for (int i = 1; i <= 5; i++) {
            lastTitle = "Nieuw, versie " + i + " " + unique();
            editor().contentType("application/merge-patch+json").header("If-Match", "*")
                    .body(Map.of("title", lastTitle)).patch("/api/v1/articles/" + fresh).then().statusCode(200);
        }
        editor().post("/api/v1/articles/" + unpublished + "/unpublish").then().statusCode(200);
        editor().delete("/api/v1/articles/" + deleted).then().statusCode(204);
        editor().contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("tags", List.of("ander-" + unique()))).patch("/api/v1/articles/" + untagged).then().statusCode(200);
        editor().contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("title", "Concept gewijzigd " + unique())).patch("/api/v1/articles/" + unpublished)
                .then().statusCode(200);

        List<Map<String, Object>> items = new ArrayList<>();
        List<Map<String, Object>> tombstones = new ArrayList<>();
        String next = syncUrl;
        JsonPath page;
        do {
            page = getUrl(next);
            items.addAll(page.getList("items"));
            tombstones.addAll(page.getList("deleted"));
            next = page.getString("nextPageUrl");
        } while (next != null);
        assertEquals(List.of(fresh), items.stream().map(i -> i.get("id")).toList(), "the new article, once");
        assertEquals(lastTitle, items.get(0).get("title"), "as it is now");
        assertEquals(Set.of(unpublished, deleted, untagged),
                new HashSet<>(tombstones.stream().map(t -> t.get("id")).toList()));
        assertEquals(3, tombstones.size(), "each tombstone once");
        tombstones.forEach(t -> assertTrue(t.get("deletedAt") != null));

        JsonPath after = getUrl(page.getString("nextSyncUrl"));
        assertEquals(0, after.getList("items").size());
        assertEquals(0, after.getList("deleted").size());
    }

    @Test
    void deltaPagesWalkEveryChangedArticleOnce() {
        String tag = "pagina-" + unique();
        String syncUrl = get("/api/v1/sync?initial=true&limit=2&tag=" + tag).getString("nextSyncUrl");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Api.createPublished(article("Pagina " + i + " " + unique(), tag)));
        }
        Set<String> seen = new HashSet<>();
        int pages = 0;
        String next = syncUrl;
        JsonPath page;
        do {
            page = getUrl(next);
            pages++;
            for (String id : page.<String>getList("items.id")) {
                assertTrue(seen.add(id), "no article twice in one pass");
            }
            next = page.getString("nextPageUrl");
        } while (next != null);
        assertEquals(ids, seen);
        assertEquals(3, pages);
    }

    /** Two transactions that commit in the other order than they started: a client following the tokens sees both. */
    @Test
    void interleavedTransactionsCommittingOutOfOrderAreBothSeen() throws Exception {
        String tag = "verweven-" + unique();
        String a = Api.createPublished(article("Eerste transactie " + unique(), tag));
        String b = Api.createPublished(article("Tweede transactie " + unique(), tag));
        String syncUrl = get("/api/v1/sync?initial=true&tag=" + tag).getString("nextSyncUrl");
        try (Connection first = OutboxRows.dataSource().getConnection();
                Connection second = OutboxRows.dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            touch(first, a, tag, "A, traag gecommit");
            touch(second, b, tag, "B, eerst gecommit");
            second.commit();
            JsonPath afterSecond = getUrl(syncUrl);
            assertEquals(List.of(b), afterSecond.getList("items.id"));
            first.commit();
            JsonPath afterFirst = getUrl(afterSecond.getString("nextSyncUrl"));
            assertEquals(List.of(a), afterFirst.getList("items.id"), "the transaction that committed late is not lost");
            assertEquals("A, traag gecommit", afterFirst.getString("items[0].title"));
        }
    }

    @Test
    void aTokenOlderThanTheRetentionIsGone() {
        String tag = "verlopen-" + unique();
        Api.createPublished(article("Oud " + unique(), tag));
        String syncUrl = get("/api/v1/sync?initial=true&tag=" + tag).getString("nextSyncUrl");
        Api.createPublished(article("Nieuwer " + unique(), tag));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                OutboxRows.longValue("select position from outbox_consumer where name = 'webhooks'") >= OutboxRows.head());
        cleanup.purgeOlderThan(Instant.now().plusSeconds(60)); // as if retention had passed for everything so far
        anonymous().get(syncUrl).then().statusCode(410).contentType("application/problem+json")
                .body("code", is("sync.token-expired"), "status", is(410));
        get("/api/v1/sync?initial=true&tag=" + tag); // starting again works
    }

    @Test
    void badRequestsAreProblems() {
        anonymous().get("/api/v1/sync").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("initial"));
        anonymous().get("/api/v1/sync?token=nonsense").then().statusCode(400).body("code", is("sync.invalid-token"));
        String forged = Base64.getUrlEncoder().encodeToString("{\"v\":1,\"i\":false,\"f\":-5,\"n\":10}".getBytes());
        anonymous().get("/api/v1/sync?token=" + forged).then().statusCode(400).body("code", is("sync.invalid-token"));
        String token = get("/api/v1/sync?initial=true&tag=leeg-" + unique()).getString("nextSyncUrl");
        String raw = token.substring(token.indexOf("token=") + 6);
        anonymous().get("/api/v1/sync?token=" + raw + "&tag=x").then().statusCode(400);
        anonymous().get("/api/v1/sync?initial=true&tag=Not%20A%20Slug").then().statusCode(400)
                .body("errors[0].field", is("tag"));
        anonymous().get("/api/v1/sync?initial=true&lang=%3F%3F").then().statusCode(400);
        anonymous().get("/api/v1/sync?initial=true&limit=0").then().statusCode(400);
        anonymous().get("/api/v1/sync?initial=yes").then().statusCode(400);
        anonymous().get("/api/v1/sync?initial=true&since=1").then().statusCode(400)
                .body("code", is("request.unknown-parameter"));
    }

    @Test
    void syncPagesCarryETags() {
        String tag = "etag-" + unique();
        Api.createPublished(article("Met ETag " + unique(), tag));
        var first = anonymous().get("/api/v1/sync?initial=true&tag=" + tag).then().statusCode(200)
                .header("ETag", notNullValue()).extract();
        String url = first.path("nextSyncUrl");
        String etag = anonymous().get(url).then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        anonymous().header("If-None-Match", etag).get(url).then().statusCode(304);
    }

    @Test
    void aPageCostsTheSameStatementsForThreeArticlesAsForTwenty() {
        String small = "weinig-" + unique();
        String large = "veel-" + unique();
        for (int i = 0; i < 3; i++) {
            Api.createPublished(article("Weinig " + i + " " + unique(), small, "gedeeld-" + small));
        }
        for (int i = 0; i < 20; i++) {
            Api.createPublished(article("Veel " + i + " " + unique(), large, "gedeeld-" + large));
        }
        long[] counts = QuietScheduler.withoutScheduledJobs(() -> new long[] {
                statements("/api/v1/sync?initial=true&limit=50&tag=" + small),
                statements("/api/v1/sync?initial=true&limit=50&tag=" + large)});
        LOG.infof("SQL statements (Hibernate) per sync page: 3 articles -> %d, 20 articles -> %d", counts[0], counts[1]);
        assertEquals(counts[0], counts[1], "statements grew with the page size");
    }

    private long statements(String url) {
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        anonymous().get(url).then().statusCode(200).body("nextPageUrl", nullValue());
        return statistics.getPrepareStatementCount() - before;
    }

    /** In a transaction left open: the article's title changes and its event is written, as the service would. */
    private static void touch(Connection connection, String id, String tag, String title) throws Exception {
        try (PreparedStatement update = connection.prepareStatement("update article set title = ? where id = ?::uuid")) {
            update.setString(1, title);
            update.setString(2, id);
            update.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_event (id, type, subject_id, public, tags, languages, data)
                values (?, 'article.updated', ?::uuid, true, array[?], array['nl'], '{"changed": ["title"]}'::jsonb)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, id);
            insert.setString(3, tag);
            insert.executeUpdate();
        }
    }

    private static JsonPath get(String path) {
        return anonymous().get(path).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private static JsonPath getUrl(String url) {
        return anonymous().urlEncodingEnabled(false).get(url).then().statusCode(200).extract().jsonPath();
    }
}
