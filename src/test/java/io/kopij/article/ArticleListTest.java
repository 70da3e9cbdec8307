package io.kopij.article;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleListTest {

    @Test
    void defaultListIsPublishedNewestFirstWithSummaries() {
        String tag = "lijst-" + unique();
        String first = createPublished(article("Oudste " + unique(), tag));
        String second = createPublished(article("Nieuwste " + unique(), tag));
        create(editor(), article("Concept " + unique(), tag));
        anonymous().queryParam("tag", tag).get(ARTICLES).then().statusCode(200)
                .body("data.id", contains(second, first))
                .body("page.limit", is(20))
                .body("page.total", is(2))
                .body("page.next", nullValue())
                .body("data[0]", not(hasKey("body")))
                .body("data[0].authors[0].slug", notNullValue())
                .body("data[0].tags[0].slug", is(tag));
    }

    @Test
    void aPagePastTheEndIsEmptyAndStillCarriesTheTotal() {
        // The total normally comes with the rows; a page without rows has to count on its own, for both kinds of
        // total (a filtered count, and the kept per-status counts of an unfiltered list).
        String tag = "voorbij-" + unique();
        createPublished(article("Een " + unique(), tag));
        createPublished(article("Twee " + unique(), tag));
        anonymous().queryParam("tag", tag).queryParam("limit", "1").queryParam("page", "3").get(ARTICLES).then()
                .statusCode(200)
                .body("data", empty())
                .body("page.total", is(2));
        int published = anonymous().queryParam("limit", "1").get(ARTICLES).then().statusCode(200)
                .extract().path("page.total");
        anonymous().queryParam("limit", "1").queryParam("page", "10000").get(ARTICLES).then()
                .statusCode(200)
                .body("data", empty())
                .body("page.total", is(published));
    }

    @Test
    void filtersReturnExactlyTheMatchingArticles() {
        String tag = "filter-" + unique();
        String other = "ander-" + unique();
        String authorSlug = editor().get("/api/v1/articles/" + createPublished(article("x " + unique(), tag)))
                .then().extract().path("authors[0].slug");
        var english = article("English story " + unique(), tag, other);
        english.put("language", "en");
        english.put("featured", true);
        String en = createPublished(english);
        String nl = createPublished(article("Nederlands " + unique(), tag));
        String draft = create(editor(), article("Concept " + unique(), tag));

        anonymous().queryParam("tag", tag).queryParam("lang", "en").get(ARTICLES)
                .then().statusCode(200).body("data.id", contains(en));
        anonymous().queryParam("tag", tag).queryParam("featured", "true").get(ARTICLES)
                .then().body("data.id", contains(en));
        anonymous().queryParam("tag", tag).queryParam("featured", "false").get(ARTICLES)
                .then().body("page.total", is(2));
        anonymous().queryParam("tag", other).get(ARTICLES).then().body("data.id", contains(en));
        anonymous().queryParam("tag", other + "," + tag).get(ARTICLES).then().body("page.total", is(3));
        anonymous().queryParam("tag", tag).queryParam("author", authorSlug).get(ARTICLES)
                .then().body("page.total", is(3));
        anonymous().queryParam("author", "niemand-" + unique()).get(ARTICLES).then().body("page.total", is(0));
        editor().queryParam("tag", tag).queryParam("status", "draft").get(ARTICLES)
                .then().body("data.id", contains(draft));

        String enPublishedAt = anonymous().get(ARTICLES + "/" + en).then().extract().path("publishedAt");
        String nlPublishedAt = anonymous().get(ARTICLES + "/" + nl).then().extract().path("publishedAt");
        anonymous().queryParam("tag", tag).queryParam("publishedAfter", nlPublishedAt).get(ARTICLES)
                .then().body("data.id", contains(nl));
        anonymous().queryParam("tag", tag).queryParam("publishedAfter", enPublishedAt)
                .queryParam("publishedBefore", nlPublishedAt).get(ARTICLES).then().body("data.id", contains(en));
    }

    @Test
    void sortsOrderAsAsked() {
        String tag = "sort-" + unique();
        String b = createPublished(article("B titel " + unique(), tag));
        String c = createPublished(article("C titel " + unique(), tag));
        String a = createPublished(article("A titel " + unique(), tag));
        anonymous().queryParam("tag", tag).queryParam("sort", "publishedAt").get(ARTICLES)
                .then().body("data.id", contains(b, c, a));
        anonymous().queryParam("tag", tag).queryParam("sort", "-publishedAt").get(ARTICLES)
                .then().body("data.id", contains(a, c, b));
        anonymous().queryParam("tag", tag).queryParam("sort", "title").get(ARTICLES)
                .then().body("data.id", contains(a, b, c));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("lead", "bijgewerkt")).patch(ARTICLES + "/" + b).then().statusCode(200);
        anonymous().queryParam("tag", tag).queryParam("sort", "-updatedAt").get(ARTICLES)
                .then().body("data.id", contains(b, a, c));
    }

    @Test
    void cursorWalkVisitsEveryArticleOnceWhileNewOnesArrive() {
        String tag = "walk-" + unique();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(createPublished(article("Wandeling " + i + " " + unique(), tag)));
        }
        Collections.reverse(expected); // newest first
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = anonymous().queryParam("tag", tag).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(ARTICLES).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.id"));
            cursor = page.getString("page.next");
            // New articles are published between page requests: they are newer than the cursor position.
            createPublished(article("Tussendoor " + unique(), tag));
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(expected, seen);
        assertEquals(3, pages);
    }

    @Test
    void cursorWalkOverDraftsAndPublishedInEditorialLists() {
        String tag = "mixed-" + unique();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(createPublished(article("Pub " + i + " " + unique(), tag)));
            ids.add(create(editor(), article("Concept " + i + " " + unique(), tag)));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = editor().queryParam("tag", tag).queryParam("status", "draft,published").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(ARTICLES).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.id"));
            cursor = page.getString("page.next");
        } while (cursor != null);
        MatcherAssert.assertThat(seen, containsInAnyOrder(ids.toArray()));
        assertEquals(6, seen.size());
    }

    @Test
    void pageParameterGivesNumberedPages() {
        String tag = "pages-" + unique();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, createPublished(article("Pagina " + i + " " + unique(), tag)));
        }
        anonymous().queryParam("tag", tag).queryParam("limit", 2).queryParam("page", 2).get(ARTICLES)
                .then().statusCode(200).body("data.id", contains(ids.get(2), ids.get(3))).body("page.total", is(5));
        anonymous().queryParam("tag", tag).queryParam("limit", 2).queryParam("page", 3).get(ARTICLES)
                .then().body("data.id", contains(ids.get(4))).body("page.next", nullValue());
    }

    @Test
    void badListParametersAreProblems() {
        Map<String, String> bad = Map.ofEntries(
                Map.entry("limit", "0"), Map.entry("page", "-1"), Map.entry("sort", "hacker"),
                Map.entry("status", "deleted"), Map.entry("featured", "yes"), Map.entry("lang", "x!"),
                Map.entry("publishedAfter", "gisteren"), Map.entry("tag", "Not A Slug"),
                Map.entry("cursor", "bm9wZQ"), Map.entry("q2", "x"));
        bad.forEach((name, value) -> anonymous().queryParam(name, value).get(ARTICLES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", is(400)).body("errors[0].field", is(name)));
        anonymous().queryParam("limit", "101").get(ARTICLES).then().statusCode(400);
        anonymous().queryParam("limit", "abc").get(ARTICLES).then().statusCode(400).body("code", is("request.invalid"));
        anonymous().queryParam("cursor", "!!!").get(ARTICLES).then().statusCode(400)
                .body("code", is("request.invalid-cursor"));
        anonymous().queryParam("cursor", "x".repeat(1500)).get(ARTICLES).then().statusCode(400)
                .body("code", is("request.invalid-cursor"));
        anonymous().queryParam("unknown", "1").get(ARTICLES).then().statusCode(400)
                .body("code", is("request.unknown-parameter"));
        anonymous().queryParam("unknown", "1").get(ARTICLES + "/" + UUID.randomUUID()).then().statusCode(400);
        // A cursor from one sort cannot be used with another.
        String tag = "cur-" + unique();
        createPublished(article("1 " + unique(), tag));
        createPublished(article("2 " + unique(), tag));
        String next = anonymous().queryParam("tag", tag).queryParam("limit", 1).get(ARTICLES).then().extract().path("page.next");
        anonymous().queryParam("tag", tag).queryParam("sort", "title").queryParam("cursor", next).get(ARTICLES)
                .then().statusCode(400).body("code", is("request.invalid-cursor"));
        anonymous().queryParam("cursor", next).queryParam("page", "2").get(ARTICLES).then().statusCode(400);
    }
}
