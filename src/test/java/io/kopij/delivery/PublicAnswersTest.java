package io.kopij.delivery;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kopij.support.QuietScheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Anonymous reads of public content are answered from the content watermark: a 304 without any SQL statement (or
 * even a connection), and a repeated request from the render cache; a publish changes the tag and reaches the next
 * answer; callers whose answer depends on who they are never get either.
 */
@QuarkusTest
class PublicAnswersTest {

    private static final Logger LOG = Logger.getLogger(PublicAnswersTest.class);
    private static final String PUBLIC_TAG = "\"(\\d+-)?w\\d+\\.[0-9a-z]+\\.[0-9a-z]+\"";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ContentWatermark watermark;

    @Inject
    RenderCache cache;

    @Test
    void aMatchingIfNoneMatchIsAnsweredWithoutTheDatabase() {
        String tag = "nm-" + unique();
        createPublished(article("Niet gewijzigd " + unique(), tag));
        settle();
        String etag = anonymous().queryParam("tag", tag).get(ARTICLES).then().statusCode(200)
                .header("ETag", matchesPattern(PUBLIC_TAG)).extract().header("ETag");

        long[] measured = QuietScheduler.withoutScheduledJobs(() -> {
            long statements = sessionFactory.getStatistics().getPrepareStatementCount();
            long acquired = dataSource.getMetrics().acquireCount();
            for (int i = 0; i < 200; i++) {
                anonymous().header("If-None-Match", etag).queryParam("tag", tag).get(ARTICLES).then().statusCode(304)
                        .header("ETag", is(etag)).header("Cache-Control", startsWith("public"));
            }
            return new long[] {sessionFactory.getStatistics().getPrepareStatementCount() - statements,
                    dataSource.getMetrics().acquireCount() - acquired};
        });
        LOG.infof("200 conditional requests answered 304: %d SQL statements, %d connections borrowed (background "
                + "work included)", measured[0], measured[1]);
        assertEquals(0, measured[0], "a 304 ran SQL");
        // Background readers (watermark refresh, outbox) borrow some while the requests run, more on a loaded
        // machine; one borrow per request would be 200.
        assertTrue(measured[1] < 50, "connections were borrowed per request: " + measured[1]);
        // Weak comparison, and a list of tags, as browsers and CDNs send them.
        anonymous().header("If-None-Match", "\"other\", W/" + etag).queryParam("tag", tag).get(ARTICLES)
                .then().statusCode(304);
        // The same path with other parameters is another answer.
        anonymous().header("If-None-Match", etag).queryParam("tag", tag).queryParam("limit", 5).get(ARTICLES)
                .then().statusCode(200);
    }

    @Test
    void aRepeatedRequestIsServedFromTheRenderCache() {
        String tag = "rc-" + unique();
        createPublished(article("Gecachet " + unique(), tag));
        settle();
        Response first = anonymous().queryParam("tag", tag).queryParam("limit", 3).get(ARTICLES);
        first.then().statusCode(200).contentType("application/json");
        long[] before = cache.stats();
        Response[] again = new Response[1];
        long statements = QuietScheduler.withoutScheduledJobs(() -> {
            long start = sessionFactory.getStatistics().getPrepareStatementCount();
            // Parameters in another order are the same request.
            again[0] = anonymous().queryParam("limit", 3).queryParam("tag", tag).get(ARTICLES);
            return sessionFactory.getStatistics().getPrepareStatementCount() - start;
        });
        again[0].then().statusCode(200).contentType("application/json").header("Cache-Control", startsWith("public"))
                .header("Vary", is(first.header("Vary")));
        assertEquals(0, statements, "a cached answer ran SQL");
        assertEquals(before[0] + 1, cache.stats()[0], "not a cache hit");
        assertArrayEquals(first.asByteArray(), again[0].asByteArray());
        assertEquals(first.header("ETag"), again[0].header("ETag"));
        assertNotEquals(first.header("X-Request-Id"), again[0].header("X-Request-Id"));

        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("kopij_render_cache_hit_ratio"), "hit ratio not exported");
        assertTrue(metrics.contains("kopij_render_cache_bytes"), "size not exported");
        assertTrue(metrics.contains("kopij_content_watermark"), "watermark not exported");
    }

    @Test
    void aPublishReachesTheNextAnswerAndChangesTheTag() {
        String tag = "pub-" + unique();
        createPublished(article("Eerste " + unique(), tag));
        settle();
        Response before = anonymous().queryParam("tag", tag).get(ARTICLES);
        before.then().statusCode(200).body("data.size()", is(1));
        String second = create(editor(), article("Tweede " + unique(), tag));
        editor().post(ARTICLES + "/" + second + "/publish").then().statusCode(200);
        // Read-your-writes on the writing instance: the very next answer has it (other instances: see
        // ContentWatermarkTest, milliseconds through the commit notification).
        anonymous().queryParam("tag", tag).get(ARTICLES).then().statusCode(200).body("data.id", hasItem(second));
        anonymous().header("If-None-Match", before.header("ETag")).queryParam("tag", tag).get(ARTICLES)
                .then().statusCode(200).header("ETag", not(is(before.header("ETag")))).body("data.id", hasItem(second));
    }

    @Test
    void aDraftSaveKeepsTheTag() {
        String tag = "dr-" + unique();
        createPublished(article("Blijft " + unique(), tag));
        settle();
        String etag = anonymous().queryParam("tag", tag).get(ARTICLES).then().statusCode(200).extract().header("ETag");
        create(editor(), article("Concept " + unique(), tag));
        settle();
        anonymous().header("If-None-Match", etag).queryParam("tag", tag).get(ARTICLES).then().statusCode(304);
    }

    @Test
    void detailsKeepTheirVersionForIfMatch() {
        String id = createPublished(article("Versie " + unique()));
        settle();
        Response read = anonymous().get(ARTICLES + "/" + id);
        read.then().statusCode(200).header("ETag", matchesPattern(PUBLIC_TAG));
        long version = read.<Number>path("version").longValue();
        assertTrue(read.header("ETag").startsWith("\"" + version + "-w"), read.header("ETag"));
        editor().header("If-Match", read.header("ETag")).contentType("application/merge-patch+json")
                .body("{\"lead\": \"Een nieuwe inleiding.\"}").patch(ARTICLES + "/" + id).then().statusCode(200);
    }

    @Test
    void personalCallersNeverGetWatermarkAnswers() {
        String tag = "pe-" + unique();
        createPublished(article("Persoonlijk " + unique(), tag));
        String draft = create(editor(), article("Alleen voor redactie " + unique(), tag));
        settle();
        String etag = anonymous().queryParam("tag", tag).get(ARTICLES).then().statusCode(200).extract().header("ETag");
        anonymous().queryParam("tag", tag).get(ARTICLES).then().statusCode(200); // now cached
        // An editor sees drafts: neither the anonymous 304 nor the cached answer.
        editor().header("If-None-Match", etag).queryParam("tag", tag).queryParam("status", "draft").get(ARTICLES)
                .then().statusCode(200).header("Cache-Control", is("private, no-store"));
        editor().queryParam("tag", tag).get(ARTICLES).then().statusCode(200)
                .header("Cache-Control", is("private, no-store")).header("ETag", not(matchesPattern(PUBLIC_TAG)));
        // A bad token is refused, not served from the cache.
        anonymous().header("Authorization", "Bearer nonsense").queryParam("tag", tag).get(ARTICLES)
                .then().statusCode(401);
        anonymous().header("If-None-Match", etag).header("Preview-Token", "x").queryParam("tag", tag).get(ARTICLES)
                .then().statusCode(200).header("Cache-Control", is("private, no-store"));
        assertTrue(draft != null);
    }

    private void settle() {
        await().atMost(Duration.ofSeconds(5)).until(() -> watermark.current() == watermark.refresh());
    }
}
