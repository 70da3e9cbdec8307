package io.kopij.article;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.as;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import io.kopij.shared.text.Slugs;
import io.kopij.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleResourceTest {

    @Test
    void createReadReplacePatchDelete() {
        String tag = "crud-" + unique();
        var input = article("Waarom kiest Meta voor open source?", tag, "opensource-" + unique());
        input.put("language", "nl");
        input.put("featured", true);
        input.put("image", Map.of("url", "https://cdn.example.nl/a.jpg", "alt", "Een lama"));
        input.put("seo", Map.of("title", "SEO-titel", "description", "Omschrijving"));

        var created = editor().contentType(ContentType.JSON).body(input).post(ARTICLES)
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", containsString(ARTICLES + "/"))
                .header("ETag", "\"0\"")
                .body("status", is("draft"))
                .body("slug", is("waarom-kiest-meta-voor-open-source"))
                .body("publishedAt", nullValue())
                .body("body.html", containsString("<h2>Tussenkop</h2>"))
                .body("body.html", containsString("<strong>Waarom kiest Meta voor open source?</strong>"))
                .body("body.text", containsString("Tweede alinea."))
                .body("wordCount", is(12))
                .body("readingTimeMinutes", is(1))
                .body("tags[0].slug", is(tag))
                .body("primaryTag.slug", is(tag))
                .body("authors[0].name", is("Ed-itor Test"))
                .extract();
        String id = created.path("id");
        String location = created.header("Location");

        // Follow-up GET sees exactly what was stored.
        editor().get(location).then().statusCode(200)
                .header("ETag", Matchers.startsWith("\"0-"))
                .body("id", is(id))
                .body("lead", is("Een korte inleiding bij Waarom kiest Meta voor open source?."))
                .body("language", is("nl"))
                .body("featured", is(true))
                .body("image.url", is("https://cdn.example.nl/a.jpg"))
                .body("image.alt", is("Een lama"))
                .body("seo.title", is("SEO-titel"))
                .body("tags.size()", is(2));

        // PUT needs If-Match.
        var replacement = article("Nieuwe titel", tag);
        editor().contentType(ContentType.JSON).body(replacement).put(ARTICLES + "/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("code", is("request.precondition-required"));
        editor().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(replacement).put(ARTICLES + "/" + id)
                .then().statusCode(412).body("code", is("article.version-conflict"));
        editor().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(replacement).put(ARTICLES + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("title", is("Nieuwe titel"))
                .body("slug", is("waarom-kiest-meta-voor-open-source")) // slugs are stable unless asked
                .body("featured", is(false))
                .body("image", nullValue())
                .body("tags.size()", is(1));

        // PATCH merges: only the named fields change; null removes.
        editor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("lead", "Andere lead", "featured", true)).patch(ARTICLES + "/" + id)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("lead", is("Andere lead")).body("featured", is(true)).body("title", is("Nieuwe titel"));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                .body("{\"lead\": null}").patch(ARTICLES + "/" + id)
                .then().statusCode(200).body("lead", nullValue()).body("featured", is(true));
        editor().get(ARTICLES + "/" + id).then().statusCode(200)
                .body("lead", nullValue()).body("title", is("Nieuwe titel")).body("version", is(3));

        editor().header("If-Match", "\"1\"").delete(ARTICLES + "/" + id).then().statusCode(412);
        editor().delete(ARTICLES + "/" + id).then().statusCode(204);
        editor().get(ARTICLES + "/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("code", is("article.not-found")).body("instance", is(ARTICLES + "/" + id));
    }

    @Test
    void anonymousReadersNeverSeeDrafts() {
        String tag = "vis-" + unique();
        String draft = create(editor(), article("Concept " + unique(), tag));
        String published = createPublished(article("Gepubliceerd " + unique(), tag));

        anonymous().get(ARTICLES + "/" + draft).then().statusCode(404).body("code", is("article.not-found"));
        anonymous().get(ARTICLES + "/" + published).then().statusCode(200).body("status", is("published"))
                .body("publishedAt", notNullValue());
        anonymous().queryParam("tag", tag).get(ARTICLES).then().statusCode(200)
                .body("data.id", contains(published)).body("page.total", is(1));
        anonymous().queryParam("status", "draft").get(ARTICLES).then().statusCode(401)
                .contentType("application/problem+json");
        editor().queryParam("tag", tag).queryParam("status", "draft,published").get(ARTICLES).then().statusCode(200)
                .body("page.total", is(2));
    }

    @Test
    void authorsSeeAndEditOnlyTheirOwnUnpublishedWork() {
        String tag = "own-" + unique();
        String bob = "bob-" + unique();
        String erin = "erin-" + unique();
        editor().contentType(ContentType.JSON).body(Map.of("name", tag)).post("/api/v1/tags").then().statusCode(201);
        String bobsDraft = create(as(bob, Api.AUTHOR), article("Bobs concept", tag));
        as(bob, Api.AUTHOR).get(ARTICLES + "/" + bobsDraft).then().statusCode(200)
                .body("authors[0].name", is(capitalized(bob) + " Test"));
        // Another author does not learn that the draft exists.
        as(erin, Api.AUTHOR).get(ARTICLES + "/" + bobsDraft).then().statusCode(404);
        as(erin, Api.AUTHOR).queryParam("tag", tag).queryParam("status", "draft").get(ARTICLES)
                .then().statusCode(200).body("data", empty());
        as(bob, Api.AUTHOR).queryParam("tag", tag).queryParam("status", "draft").get(ARTICLES)
                .then().statusCode(200).body("data.id", contains(bobsDraft));
        // Unknown tags are a 422 for authors (editors create them).
        as(bob, Api.AUTHOR).contentType(ContentType.JSON).body(article("Met nieuwe tag", "nieuw-" + unique()))
                .post(ARTICLES).then().statusCode(422).body("code", is("article.unknown-tag"))
                .body("errors[0].field", is("tags[0]"));
        // Publishing is for editors; once published the author can no longer edit.
        as(bob, Api.AUTHOR).post(ARTICLES + "/" + bobsDraft + "/publish").then().statusCode(403)
                .contentType("application/problem+json");
        editor().post(ARTICLES + "/" + bobsDraft + "/publish").then().statusCode(200);
        as(bob, Api.AUTHOR).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("title", "Stiekem aangepast")).patch(ARTICLES + "/" + bobsDraft)
                .then().statusCode(403);
        as(bob, Api.AUTHOR).delete(ARTICLES + "/" + bobsDraft).then().statusCode(403);
        anonymous().get(ARTICLES + "/" + bobsDraft).then().statusCode(200).body("title", is("Bobs concept"));
        // Writes need a signed-in user.
        anonymous().contentType(ContentType.JSON).body(article("Anoniem")).post(ARTICLES).then().statusCode(401)
                .contentType("application/problem+json").body("code", is("auth.unauthorized"));
        as("nobody-" + unique()).contentType(ContentType.JSON).body(article("Zonder rol")).post(ARTICLES)
                .then().statusCode(403).body("code", is("auth.forbidden"));
    }

    @Test
    void slugsFoldDiacriticsAndGetSuffixesOnCollision() {
        String title = "Één café in Zürich " + unique();
        String base = Slugs.fromText(title);
        assertEquals(true, base.startsWith("een-cafe-in-zurich-"));
        for (String expected : List.of(base, base + "-2", base + "-3")) {
            editor().contentType(ContentType.JSON).body(article(title)).post(ARTICLES)
                    .then().statusCode(201).body("slug", is(expected));
        }
        editor().contentType(ContentType.JSON).body(withSlug(article("Ander"), base)).post(ARTICLES)
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", is("article.slug-taken")).body("instance", is(ARTICLES));
    }

    @Test
    void oldSlugOfPublishedArticleRedirects() {
        String oldSlug = "oude-slug-" + unique();
        String newSlug = "nieuwe-slug-" + unique();
        String id = createPublished(withSlug(article("Verhuisd artikel"), oldSlug));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("slug", newSlug)).patch(ARTICLES + "/" + id).then().statusCode(200)
                .body("slug", is(newSlug));
        anonymous().redirects().follow(false).get(ARTICLES + "/by-slug/" + oldSlug)
                .then().statusCode(301).header("Location", endsWith(ARTICLES + "/by-slug/" + newSlug));
        anonymous().get(ARTICLES + "/by-slug/" + newSlug).then().statusCode(200).body("id", is(id));
        // The old slug stays reserved for its article.
        editor().contentType(ContentType.JSON).body(withSlug(article("Kaper"), oldSlug)).post(ARTICLES)
                .then().statusCode(409).body("code", is("article.slug-taken"));
        // A draft's renamed slug does not redirect: it was never public.
        String draftSlug = "concept-slug-" + unique();
        String draft = create(editor(), withSlug(article("Concept"), draftSlug));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("slug", draftSlug + "-x")).patch(ARTICLES + "/" + draft).then().statusCode(200);
        editor().redirects().follow(false).get(ARTICLES + "/by-slug/" + draftSlug).then().statusCode(404);
    }

    @Test
    void relatedLinksKeepOrderAndHideUnpublishedTargetsFromReaders() {
        String a = createPublished(article("Eerste " + unique()));
        String b = createPublished(article("Tweede " + unique()));
        String draft = create(editor(), article("Nog geheim " + unique()));
        String main = createPublished(article("Hoofdartikel " + unique()));
        editor().contentType(ContentType.JSON).body(List.of(b, draft, a)).put(ARTICLES + "/" + main + "/related")
                .then().statusCode(200).body("related.id", contains(b, draft, a));
        anonymous().get(ARTICLES + "/" + main).then().statusCode(200).body("related.id", contains(b, a));
        anonymous().get(ARTICLES + "/" + main + "/related").then().statusCode(200).body("id", contains(b, a));
        editor().get(ARTICLES + "/" + main + "/related").then().statusCode(200).body("id", contains(b, draft, a));
        // Publishing the target makes the kept link visible.
        editor().post(ARTICLES + "/" + draft + "/publish").then().statusCode(200);
        anonymous().get(ARTICLES + "/" + main).then().body("related.id", contains(b, draft, a));
        // Self links, duplicates and unknown ids are refused, naming each position.
        editor().contentType(ContentType.JSON).body(List.of(main, a, a, UUID.randomUUID().toString()))
                .put(ARTICLES + "/" + main + "/related")
                .then().statusCode(422).body("code", is("article.invalid-related"))
                .body("errors.field", contains("[0]", "[2]", "[3]"));
        anonymous().get(ARTICLES + "/" + main).then().body("related.id", contains(b, draft, a));
    }

    @Test
    void statusTransitions() {
        String id = create(editor(), article("Overgangen " + unique()));
        editor().post(ARTICLES + "/" + id + "/archive").then().statusCode(409)
                .body("code", is("article.invalid-transition")).body("detail", containsString("draft"));
        String firstPublishedAt = editor().post(ARTICLES + "/" + id + "/publish").then().statusCode(200)
                .body("status", is("published")).extract().path("publishedAt");
        editor().post(ARTICLES + "/" + id + "/publish").then().statusCode(409);
        editor().post(ARTICLES + "/" + id + "/archive").then().statusCode(200).body("status", is("archived"));
        editor().post(ARTICLES + "/" + id + "/unpublish").then().statusCode(200).body("status", is("draft"));
        editor().post(ARTICLES + "/" + id + "/publish").then().statusCode(200)
                .body("publishedAt", equalTo(firstPublishedAt));
    }

    @Test
    void articlesNeedAnAuthorAndKnownAuthors() {
        editor().contentType(ContentType.JSON)
                .body(withAuthors(article("Onbekende auteur"), List.of("niemand-" + unique())))
                .post(ARTICLES).then().statusCode(422).body("code", is("article.unknown-author"))
                .body("errors[0].field", is("authors[0]"));
        // Without authors the caller's own profile is used, so an article never has none.
        editor().contentType(ContentType.JSON).body(withAuthors(article("Lege lijst"), List.of())).post(ARTICLES)
                .then().statusCode(201).body("authors.size()", is(1));
    }

    @Test
    void markdownCannotSmuggleScriptsIntoHtml() {
        String markdown = String.join("\n\n",
                "<script>alert('x')</script>",
                "<img src=x onerror=alert(1)>",
                "[klik](javascript:alert(1))",
                "![plaatje](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
                "[goed](https://example.nl/ok)",
                "<a href=\"javascript:alert(2)\">raw</a>",
                "| a | b |\n|---|---|\n| 1 | 2 |",
                "```java\nint x = 1;\n```");
        var input = article("Vijandige markdown " + unique());
        input.put("body", markdown);
        editor().contentType(ContentType.JSON).body(input).post(ARTICLES).then().statusCode(201)
                .body("body.markdown", is(markdown))
                .body("body.html", Matchers.not(containsString("<script")))
                .body("body.html", Matchers.not(containsString("onerror=")))
                .body("body.html", Matchers.not(containsString("javascript:")))
                .body("body.html", Matchers.not(containsString("data:image")))
                .body("body.html", Matchers.not(containsString("<img")))
                .body("body.html", Matchers.not(containsString("href=\"\"")))
                .body("body.html", containsString("<p>klik</p>"))
                .body("body.html", containsString("href=\"https://example.nl/ok\""))
                .body("body.html", containsString("<table>"))
                .body("body.html", containsString("<code class=\"language-java\">"));
    }

    private static Map<String, Object> withSlug(Map<String, Object> article, String slug) {
        article.put("slug", slug);
        return article;
    }

    private static Map<String, Object> withAuthors(Map<String, Object> article, List<String> authors) {
        article.put("authors", authors);
        return article;
    }

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase() + name.substring(1);
    }
}
