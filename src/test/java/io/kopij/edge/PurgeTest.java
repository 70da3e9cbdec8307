package io.kopij.edge;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.as;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.event.OutboxRows;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Purge on change, end to end: the application runs with every purger configured against a real recording HTTP
 * server ({@link PurgeRecorder}), and each test makes a change through the API and waits for the purge requests that
 * the outbox drives: Varnish's {@code PURGE /} with {@code xkey}, Fastly's and Cloudflare's API calls, the generic
 * POST. The editor's request returns before any purge is sent (a failing purger never fails it).
 */
@QuarkusTest
@TestProfile(PurgeTest.Purging.class)
class PurgeTest {

    @Inject
    PurgeCleanup cleanup;

    private static final ObjectMapper JSON = new ObjectMapper();

    public static class Purging implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kopij.purge.retry-schedule", "300ms,600ms");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PurgeRecorder.class));
        }
    }

    @Test
    void publishingPurgesTheArticleAndEveryListAtEveryTarget() throws Exception {
        int before = PurgeRecorder.recorded().size();
        String id = createPublished(article("Gepubliceerd " + unique()));
        String key = "article:" + id;

        JsonNode varnishA = await("/varnish-a/", before, key);
        assertEquals("PURGE", varnishA.path("method").asText());
        assertTrue(xkeys(varnishA).containsAll(List.of(key, "articles")), varnishA.toString());
        assertTrue(xkeys(await("/varnish-b/", before, key)).contains(key), "every configured Varnish is purged");

        JsonNode fastly = await("/fastly/service/svc123/purge", before, key);
        assertEquals("POST", fastly.path("method").asText());
        assertEquals("fastly-token", fastly.path("fastly-key").asText());
        assertEquals("1", fastly.path("fastly-soft-purge").asText(), "soft purge as configured");
        assertTrue(strings(JSON.readTree(fastly.path("body").asText()).path("surrogate_keys")).contains(key));

        JsonNode cloudflare = await("/cloudflare/client/v4/zones/zone9/purge_cache", before, key);
        assertEquals("Bearer cf-token", cloudflare.path("authorization").asText());
        assertTrue(strings(JSON.readTree(cloudflare.path("body").asText()).path("tags")).contains(key));

        JsonNode generic = await("/generic", before, key);
        assertEquals("Bearer generic-secret", generic.path("authorization").asText());
        assertTrue(strings(JSON.readTree(generic.path("body").asText()).path("keys")).containsAll(List.of(key, "articles")));
    }

    @Test
    void updatesUnpublishingAndDeletingPurgeTheArticle() {
        String id = createPublished(article("Wordt gewijzigd " + unique()));
        String key = "article:" + id;
        await("/varnish-a/", 0, key);

        int before = PurgeRecorder.recorded().size();
        String etag = anonymous().get(ARTICLES + "/" + id).then().extract().header("ETag");
        editor().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("title", "Gewijzigd " + unique())).patch(ARTICLES + "/" + id).then().statusCode(200);
        await("/varnish-a/", before, key);

        before = PurgeRecorder.recorded().size();
        editor().post(ARTICLES + "/" + id + "/unpublish").then().statusCode(200);
        await("/varnish-a/", before, key);

        before = PurgeRecorder.recorded().size();
        editor().post(ARTICLES + "/" + id + "/publish").then().statusCode(200);
        await("/varnish-a/", before, key);

        before = PurgeRecorder.recorded().size();
        editor().delete(ARTICLES + "/" + id).then().statusCode(204);
        JsonNode deleted = await("/varnish-a/", before, key);
        assertTrue(xkeys(deleted).contains("articles"), "a takedown leaves every list too");
    }

    @Test
    void changesToDraftsPurgeNothing() throws Exception {
        int before = PurgeRecorder.recorded().size();
        String draft = create(editor(), article("Concept " + unique()));
        String marker = createPublished(article("Daarna " + unique())); // purged after the draft's events
        await("/varnish-a/", before, "article:" + marker);
        for (JsonNode request : since(before)) {
            assertFalse(request.toString().contains(draft), "a draft is never in a public answer: " + request);
        }
    }

    @Test
    void anAuthorRenamePurgesTheAuthorAndTheirPublishedArticles() {
        String writer = "purge-schrijver-" + unique();
        String id = create(as(writer, "editor"), article("Van de schrijver " + unique()));
        as(writer, "editor").post(ARTICLES + "/" + id + "/publish").then().statusCode(200);
        var me = as(writer, "editor").get("/api/v1/me").then().statusCode(200).extract();
        String authorId = me.path("author.id");
        long version = me.jsonPath().getLong("author.version");
        await("/varnish-a/", 0, "article:" + id);

        int before = PurgeRecorder.recorded().size();
        as(writer, "editor").contentType("application/merge-patch+json").header("If-Match", "\"" + version + "\"")
                .body(Map.of("name", "Andere Naam " + unique())).patch("/api/v1/authors/" + authorId)
                .then().statusCode(200);
        JsonNode purge = await("/varnish-a/", before, "author:" + authorId);
        List<String> keys = new ArrayList<>();
        since(before).stream().filter(r -> r.path("path").asText().equals("/varnish-a/"))
                .forEach(r -> keys.addAll(xkeys(r)));
        assertTrue(keys.containsAll(List.of("author:" + authorId, "authors", "article:" + id)), purge.toString());
    }

    @Test
    void aTagRenamePurgesTheTagAndItsPublishedArticles() {
        String tag = "purge-tag-" + unique();
        String id = createPublished(article("Met tag " + unique(), tag));
        var read = editor().get("/api/v1/tags/by-slug/" + tag).then().statusCode(200).extract();
        String tagId = read.path("id");
        await("/varnish-a/", 0, "article:" + id);

        int before = PurgeRecorder.recorded().size();
        editor().contentType("application/merge-patch+json").header("If-Match", read.header("ETag"))
                .body(Map.of("name", "Hernoemd " + unique())).patch("/api/v1/tags/" + tagId).then().statusCode(200);
        await("/varnish-a/", before, "tag:" + tagId);
        List<String> keys = new ArrayList<>();
        since(before).stream().filter(r -> r.path("path").asText().equals("/varnish-a/"))
                .forEach(r -> keys.addAll(xkeys(r)));
        assertTrue(keys.containsAll(List.of("tag:" + tagId, "tags", "article:" + id)), keys.toString());
    }

    /** Failed jobs stay for the operators as long as events do, then retention deletes them; pending ones stay. */
    @Test
    void failedPurgeJobsAreForgottenAfterTheRetention() {
        UUID oldFailure = UUID.randomUUID();
        UUID recentFailure = UUID.randomUUID();
        UUID oldPending = UUID.randomUUID();
        String insert = "insert into purge_job (id, target, keys, status, attempt_count, next_attempt_at, created_at) "
                + "values (?, 'http http://retention.invalid/', array['articles'], ?, 6, now() + interval '1 day', "
                + "now() - ? * interval '1 day')";
        OutboxRows.execute(insert, oldFailure, "failed", 30);
        OutboxRows.execute(insert, recentFailure, "failed", 1);
        OutboxRows.execute(insert, oldPending, "pending", 30);
        try {
            assertEquals(1, cleanup.forgetFailedBefore(Instant.now().minus(Duration.ofDays(7))));
            assertEquals(0L, OutboxRows.longValue("select count(*) from purge_job where id = ?", oldFailure));
            assertEquals(1L, OutboxRows.longValue("select count(*) from purge_job where id = ?", recentFailure));
            assertEquals(1L, OutboxRows.longValue("select count(*) from purge_job where id = ?", oldPending));
        } finally {
            OutboxRows.execute("delete from purge_job where id in (?, ?, ?)", oldFailure, recentFailure, oldPending);
        }
    }

    @Test
    void aFailedPurgeIsRetried() {
        int before = PurgeRecorder.recorded().size();
        PurgeRecorder.failNext("/varnish-b/", 503);
        long started = System.currentTimeMillis();
        createPublished(article("Opnieuw " + unique()));
        assertTrue(System.currentTimeMillis() - started < 5_000, "the editor never waits for a purge");
        // The next purge sent to varnish-b (this article's, or one still under way) fails, and is sent again.
        JsonNode failed = awaitAll(before, r -> r.path("path").asText().equals("/varnish-b/")
                && r.path("status").asInt() == 503).stream()
                .filter(r -> r.path("status").asInt() == 503).findFirst().orElseThrow();
        String job = failed.path("kopij-purge-id").asText();
        JsonNode retried = awaitAll(before, r -> r.path("kopij-purge-id").asText().equals(job)
                && r.path("status").asInt() == 200).stream()
                .filter(r -> r.path("kopij-purge-id").asText().equals(job) && r.path("status").asInt() == 200)
                .findFirst().orElseThrow();
        assertEquals(failed.path("xkey").asText(), retried.path("xkey").asText(), "the same keys again");
        long wait = retried.path("at").asLong() - failed.path("at").asLong();
        assertTrue(wait >= 200, "the retry follows the schedule (300 ms +- 20 %), waited " + wait + " ms");
    }

    @Test
    void publicAnswersMayLiveLongInSharedCachesWhilePurged() {
        String id = createPublished(article("Lang bewaard " + unique()));
        anonymous().get(ARTICLES + "/" + id).then().statusCode(200)
                .header("Cache-Control", "public, max-age=60, s-maxage=86400, stale-while-revalidate=300");
        editor().get(ARTICLES + "/" + id).then().statusCode(200).header("Cache-Control", "private, no-store");
    }

    private static JsonNode await(String path, int from, String key) {
        List<JsonNode> all = awaitAll(from, r -> r.path("path").asText().equals(path) && xkeysOrBody(r).contains(key));
        return all.stream().filter(r -> r.path("path").asText().equals(path) && xkeysOrBody(r).contains(key))
                .findFirst().orElseThrow();
    }

    /** Waits up to 10 s until a request since {@code from} matches; answers every request since {@code from}. */
    private static List<JsonNode> awaitAll(int from, Predicate<JsonNode> wanted) {
        try {
            return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> since(from), since -> since.stream().anyMatch(wanted));
        } catch (ConditionTimeoutException timeout) {
            return fail("no matching purge request within 10 s; received: " + since(from));
        }
    }

    private static List<JsonNode> since(int from) {
        List<JsonNode> all = PurgeRecorder.recorded();
        return all.subList(Math.min(from, all.size()), all.size());
    }

    private static List<String> xkeys(JsonNode request) {
        return Arrays.asList(request.path("xkey").asText().split(" "));
    }

    /** The keys of a request of any kind: the xkey header, or the JSON body's array. */
    private static Set<String> xkeysOrBody(JsonNode request) {
        if (request.has("xkey")) {
            return Set.copyOf(xkeys(request));
        }
        try {
            JsonNode body = JSON.readTree(request.path("body").asText());
            for (String field : List.of("keys", "surrogate_keys", "tags")) {
                if (body.has(field)) {
                    return Set.copyOf(strings(body.path(field)));
                }
            }
        } catch (Exception e) {
            return Set.of();
        }
        return Set.of();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
