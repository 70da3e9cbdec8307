package io.kopij.article;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.as;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.kopij.support.Api;
import io.kopij.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkflowTest {

    @Inject
    ScheduledPublisher publisher;

    @Test
    void everyTransitionAllowedAndRefusedOverRest() {
        String id = create(editor(), article("Overgang " + unique()));
        refused(id, "unpublish", "draft");
        refused(id, "archive", "draft");
        String firstUpdate = state(id).getString("updatedAt");
        String publishedAt = editor().post(ARTICLES + "/" + id + "/publish").then().statusCode(200)
                .body("status", is("published")).extract().path("publishedAt");
        assertTrue(Instant.parse(state(id).getString("updatedAt")).isAfter(Instant.parse(firstUpdate)));
        refused(id, "publish", "published");
        editor().post(ARTICLES + "/" + id + "/archive").then().statusCode(200).body("status", is("archived"));
        refused(id, "publish", "archived");
        refused(id, "archive", "archived");
        editor().post(ARTICLES + "/" + id + "/unpublish").then().statusCode(200).body("status", is("draft"));
        // Scheduling: a future `at` schedules, and only drafts and scheduled articles can be scheduled.
        String at = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString();
        editor().contentType(ContentType.JSON).body(Map.of("at", at)).post(ARTICLES + "/" + id + "/publish")
                .then().statusCode(200).body("status", is("scheduled")).body("scheduledAt", is(at));
        refused(id, "archive", "scheduled");
        editor().post(ARTICLES + "/" + id + "/unpublish").then().statusCode(200).body("status", is("draft"))
                .body("scheduledAt", nullValue());
        // A past `at` publishes now; the first publication date is kept.
        editor().contentType(ContentType.JSON).body(Map.of("at", "2020-01-01T00:00:00Z"))
                .post(ARTICLES + "/" + id + "/publish").then().statusCode(200)
                .body("status", is("published")).body("publishedAt", is(publishedAt));
        // A stale If-Match on an action is refused and changes nothing.
        editor().header("If-Match", "\"0\"").post(ARTICLES + "/" + id + "/archive").then().statusCode(412);
        anonymous().get(ARTICLES + "/" + id).then().body("status", is("published"));
    }

    @Test
    void transitionsOverGraphQL() {
        String id = create(editor(), article("GraphQL overgang " + unique()));
        GraphQL.post(editor(), "mutation($id: ID!) { archiveArticle(id: $id) { status } }", Map.of("id", id))
                .body("errors[0].extensions.code", is("article.invalid-transition"))
                .body("errors[0].message", containsString("draft"));
        GraphQL.post(editor(), "mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { status scheduledAt } }",
                Map.of("id", id, "at", Instant.now().plusSeconds(3600).toString()))
                .body("errors", nullValue()).body("data.publishArticle.status", is("SCHEDULED"));
        GraphQL.post(editor(), "mutation($id: ID!) { unpublishArticle(id: $id) { status } }", Map.of("id", id))
                .body("data.unpublishArticle.status", is("DRAFT"));
        GraphQL.post(editor(), "mutation($id: ID!) { unpublishArticle(id: $id) { status } }", Map.of("id", id))
                .body("errors[0].extensions.code", is("article.invalid-transition"));
        GraphQL.post(editor(), "mutation($id: ID!) { publishArticle(id: $id) { status } }", Map.of("id", id))
                .body("data.publishArticle.status", is("PUBLISHED"));
        GraphQL.post(editor(), "mutation($id: ID!) { archiveArticle(id: $id, expectedVersion: 0) { status } }", Map.of("id", id))
                .body("errors[0].extensions.code", is("article.version-conflict"));
        GraphQL.post(editor(), "mutation($id: ID!) { archiveArticle(id: $id) { status } }", Map.of("id", id))
                .body("data.archiveArticle.status", is("ARCHIVED"));
    }

    @Test
    void schedulerPublishesOnTimeWithTheEmbargoAsPublicationDate() throws Exception {
        String id = create(editor(), article("Embargo " + unique()));
        String at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS).toString();
        editor().contentType(ContentType.JSON).body(Map.of("at", at)).post(ARTICLES + "/" + id + "/publish")
                .then().statusCode(200).body("status", is("scheduled"));
        anonymous().get(ARTICLES + "/" + id).then().statusCode(404);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> anonymous().get(ARTICLES + "/" + id).statusCode() == 200);
        anonymous().get(ARTICLES + "/" + id).then().statusCode(200).body("status", is("published"))
                .body("publishedAt", is(at)).body("scheduledAt", nullValue());
        // Published by the scheduler, recorded as such.
        editor().get(ARTICLES + "/" + id + "/revisions").then()
                .body("data[0].action", is("publish")).body("data[0].by.subject", is("kopij-scheduler"));
    }

    @Test
    void concurrentPublisherRunsPublishEachArticleExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        Instant due = Instant.now().plusSeconds(2);
        for (int i = 0; i < 12; i++) {
            String id = create(editor(), article("Tegelijk " + i + " " + unique()));
            editor().contentType(ContentType.JSON).body(Map.of("at", due.toString()))
                    .post(ARTICLES + "/" + id + "/publish").then().statusCode(200);
            ids.add(id);
        }
        String unpublished = create(editor(), article("Toch niet " + unique()));
        editor().contentType(ContentType.JSON).body(Map.of("at", due.toString()))
                .post(ARTICLES + "/" + unpublished + "/publish").then().statusCode(200);
        editor().post(ARTICLES + "/" + unpublished + "/unpublish").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(due));
        // Two publisher runs in parallel, each in its own transaction, racing the scheduled one.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> run = () -> {
            start.await();
            int total = 0;
            for (int i = 0; i < 5; i++) {
                total += publisher.publishDue();
            }
            return total;
        };
        Future<Integer> a = pool.submit(run);
        Future<Integer> b = pool.submit(run);
        start.countDown();
        a.get(30, TimeUnit.SECONDS);
        b.get(30, TimeUnit.SECONDS);
        pool.shutdown();

        for (String id : ids) {
            anonymous().get(ARTICLES + "/" + id).then().statusCode(200).body("status", is("published"));
            List<String> actions = editor().queryParam("limit", 100).get(ARTICLES + "/" + id + "/revisions")
                    .then().extract().jsonPath().getList("data.action");
            assertEquals(1, actions.stream().filter("publish"::equals).count(), "published more than once: " + actions);
        }
        publisher.publishDue(); // once more after the races: the unpublished article stays a draft
        anonymous().get(ARTICLES + "/" + unpublished).then().statusCode(404);
        editor().get(ARTICLES + "/" + unpublished).then().body("status", is("draft"));
    }

    @Test
    void linksToUnpublishedArticlesAreKeptButHidden() {
        String target = createPublished(article("Doel " + unique()));
        String source = createPublished(article("Bron " + unique()));
        editor().contentType(ContentType.JSON).body(List.of(target)).put(ARTICLES + "/" + source + "/related")
                .then().statusCode(200);
        editor().post(ARTICLES + "/" + target + "/unpublish").then().statusCode(200);
        anonymous().get(ARTICLES + "/" + source).then().body("related", Matchers.empty());
        editor().get(ARTICLES + "/" + source).then().body("related.id", contains(target))
                .body("related[0].status", is("draft"));
        editor().post(ARTICLES + "/" + target + "/publish").then().statusCode(200);
        anonymous().get(ARTICLES + "/" + source).then().body("related.id", contains(target));
    }

    @Test
    void revisionsListDiffAndRestore() {
        String bob = "bob-" + unique();
        editor().contentType(ContentType.JSON).body(Map.of("name", "rev-" + bob)).post("/api/v1/tags").then().statusCode(201);
        var input = article("Eerste titel", "rev-" + bob);
        String id = create(as(bob, Api.AUTHOR), input);
        as(bob, Api.AUTHOR).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("title", "Tweede titel", "lead", "Nieuwe lead")).patch(ARTICLES + "/" + id).then().statusCode(200);
        editor().post(ARTICLES + "/" + id + "/publish").then().statusCode(200);

        as(bob, Api.AUTHOR).get(ARTICLES + "/" + id + "/revisions").then().statusCode(200)
                .body("page.total", is(3))
                .body("data.number", contains(3, 2, 1))
                .body("data.action", contains("publish", "update", "create"))
                .body("data[2].by.name", is(bob.substring(0, 1).toUpperCase() + bob.substring(1) + " Test"));
        as(bob, Api.AUTHOR).get(ARTICLES + "/" + id + "/revisions/1").then().statusCode(200)
                .body("snapshot.title", is("Eerste titel")).body("snapshot.status", is("draft"))
                .body("snapshot.tags[0].slug", is("rev-" + bob));
        editor().get(ARTICLES + "/" + id + "/revisions/2/diff").then().statusCode(200)
                .body("from", is(1)).body("to", is(2))
                .body("changes.field", contains("title", "lead"))
                .body("changes[0].before", is("Eerste titel")).body("changes[0].after", is("Tweede titel"));
        editor().get(ARTICLES + "/" + id + "/revisions/3/diff?from=1").then().statusCode(200)
                .body("changes.field", Matchers.hasItems("title", "status", "publishedAt"));
        editor().get(ARTICLES + "/" + id + "/revisions/9").then().statusCode(404).body("code", is("revision.not-found"));

        // Restore is a new write (and a new revision); the status is not rolled back.
        editor().post(ARTICLES + "/" + id + "/revisions/1/restore").then().statusCode(200)
                .body("title", is("Eerste titel")).body("lead", is(input.get("lead"))).body("status", is("published"));
        editor().get(ARTICLES + "/" + id + "/revisions").then()
                .body("data[0].number", is(4)).body("data[0].action", is("restore")).body("data[0].restoredFrom", is(1));
        GraphQL.post(editor(), "query($id: ID!) { revisions(articleId: $id) { number action } revisionDiff(articleId: $id, from: 3, to: 4) { changes { field } } }",
                Map.of("id", id)).body("errors", nullValue())
                .body("data.revisions.number", contains(4, 3, 2, 1))
                .body("data.revisionDiff.changes.field", contains("title", "lead"));

        // Other authors cannot read them; anonymous callers neither.
        as("erin-" + unique(), Api.AUTHOR).get(ARTICLES + "/" + id + "/revisions").then().statusCode(403);
        anonymous().get(ARTICLES + "/" + id + "/revisions").then().statusCode(401);
        String draft = create(as(bob, Api.AUTHOR), article("Bobs concept " + unique()));
        as("erin-" + unique(), Api.AUTHOR).get(ARTICLES + "/" + draft + "/revisions/1").then().statusCode(404);
        GraphQL.post(as("erin-" + unique(), Api.AUTHOR), "query($id: ID!) { revisions(articleId: $id) { number } }",
                Map.of("id", draft)).body("errors[0].extensions.code", is("article.not-found"));
    }

    @Test
    void twentyParallelPatchesWithTheSameIfMatchLeaveExactlyOneWinner() throws Exception {
        String id = create(editor(), article("Wedstrijd " + unique()));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<int[]>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                int status = editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                        .body(Map.of("lead", "Versie " + n)).patch(ARTICLES + "/" + id).statusCode();
                return new int[] {n, status};
            }));
        }
        start.countDown();
        List<Integer> winners = new ArrayList<>();
        for (Future<int[]> result : results) {
            int[] r = result.get(60, TimeUnit.SECONDS);
            if (r[1] == 200) {
                winners.add(r[0]);
            } else {
                assertEquals(412, r[1], "a loser must get 412");
            }
        }
        pool.shutdown();
        assertEquals(1, winners.size(), "exactly one PATCH may win");
        editor().get(ARTICLES + "/" + id).then().body("lead", is("Versie " + winners.get(0))).body("version", is(1));
        editor().get(ARTICLES + "/" + id + "/revisions").then()
                .body("page.total", is(2)).body("data.action", contains("update", "create"));
        editor().get(ARTICLES + "/" + id + "/revisions/2").then().body("snapshot.lead", is("Versie " + winners.get(0)));
    }

    @Test
    void putAndPatchNeedIfMatchOtherWritesHonourIt() {
        String id = create(editor(), article("Voorwaarden " + unique()));
        editor().contentType("application/merge-patch+json").body(Map.of("lead", "x")).patch(ARTICLES + "/" + id)
                .then().statusCode(428);
        editor().header("If-Match", "\"5\"").contentType(ContentType.JSON).body(List.of()).put(ARTICLES + "/" + id + "/related")
                .then().statusCode(412);
        editor().header("If-Match", "\"5\"").delete(ARTICLES + "/" + id).then().statusCode(412);
        editor().header("If-Match", "W/\"0\"").delete(ARTICLES + "/" + id).then().statusCode(412);
        editor().header("If-Match", "\"0\"").delete(ARTICLES + "/" + id).then().statusCode(204);
    }

    private static JsonPath state(String id) {
        return editor().get(ARTICLES + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static void refused(String id, String action, String currentStatus) {
        long version = state(id).getLong("version");
        editor().post(ARTICLES + "/" + id + "/" + action).then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", is("article.invalid-transition"))
                .body("detail", containsString(currentStatus));
        editor().get(ARTICLES + "/" + id).then().body("version", is((int) version)).body("status", is(currentStatus));
    }
}
