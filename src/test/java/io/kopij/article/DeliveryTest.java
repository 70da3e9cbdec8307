package io.kopij.article;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.kopij.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeliveryTest {

    private static final String PUBLIC = "public, max-age=60, stale-while-revalidate=300";

    @Test
    void publishedDetailsAreCacheableAndRevalidate() {
        String id = createPublished(article("Cache " + unique()));
        var first = anonymous().get(ARTICLES + "/" + id).then().statusCode(200)
                .header("Cache-Control", PUBLIC)
                .header("ETag", matchesPattern("\"1-w\\d+\\.[0-9a-z]+\\.[0-9a-z]+\"")) // version, watermark, request
                .header("Last-Modified", notNullValue())
                .header("Vary", containsString("Authorization"))
                .extract();
        String etag = first.header("ETag");
        anonymous().header("If-None-Match", etag).get(ARTICLES + "/" + id).then().statusCode(304)
                .header("ETag", etag).body(equalTo(""));
        // Signed-in callers get answers that must not be shared.
        editor().get(ARTICLES + "/" + id).then().statusCode(200).header("Cache-Control", "private, no-store");
        // A write is visible at once: the old tag no longer matches, and the same tag works for If-Match.
        editor().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("lead", "Nieuwe lead")).patch(ARTICLES + "/" + id).then().statusCode(200);
        anonymous().header("If-None-Match", etag).get(ARTICLES + "/" + id).then().statusCode(200)
                .body("lead", is("Nieuwe lead")).header("ETag", not(etag));
    }

    @Test
    void listsAuthorsAndTagsRevalidateToo() {
        String tag = "cachelijst-" + unique();
        createPublished(article("Lijst " + unique(), tag));
        for (String path : List.of(ARTICLES + "?tag=" + tag, "/api/v1/tags?limit=5", "/api/v1/authors?limit=5",
                "/api/v1/tags/by-slug/" + tag)) {
            String etag = anonymous().get(path).then().statusCode(200).header("Cache-Control", PUBLIC)
                    .extract().header("ETag");
            anonymous().header("If-None-Match", etag).get(path).then().statusCode(304);
        }
        // A new article changes the list's tag.
        String etag = anonymous().get(ARTICLES + "?tag=" + tag).then().extract().header("ETag");
        createPublished(article("Nog een " + unique(), tag));
        anonymous().header("If-None-Match", etag).get(ARTICLES + "?tag=" + tag).then().statusCode(200)
                .body("page.total", is(2));
    }

    @Test
    void draftsAndErrorsAreNeverCached() {
        String draft = create(editor(), article("Geheim " + unique()));
        anonymous().get(ARTICLES + "/" + draft).then().statusCode(404).header("Cache-Control", "no-store");
        editor().get(ARTICLES + "/" + draft).then().statusCode(200).header("Cache-Control", "private, no-store");
        anonymous().queryParam("bogus", "1").get(ARTICLES).then().statusCode(400).header("Cache-Control", "no-store");
    }

    @Test
    void sparseFieldsets() {
        String tag = "velden-" + unique();
        String id = createPublished(article("Velden " + unique(), tag));
        Map<String, Object> item = anonymous().queryParam("tag", tag).queryParam("fields", "id,slug,title,publishedAt")
                .get(ARTICLES).then().statusCode(200).extract().jsonPath().getMap("data[0]");
        assertEquals(Set.of("id", "slug", "title", "publishedAt"), item.keySet());
        Map<String, Object> detail = anonymous().queryParam("fields", "id,body").get(ARTICLES + "/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(Set.of("id", "body"), detail.keySet());
        anonymous().queryParam("fields", "id,wachtwoord").get(ARTICLES).then().statusCode(400)
                .body("errors[0].field", is("fields")).body("errors[0].message", containsString("wachtwoord"));
        anonymous().queryParam("fields", "name,slug").get("/api/v1/tags").then().statusCode(200)
                .body("data[0].id", nullValue()).body("data[0].slug", notNullValue());
    }

    @Test
    void compressedWhenTheClientAcceptsIt() {
        String tag = "zip-" + unique();
        for (int i = 0; i < 3; i++) {
            createPublished(article("Compressie " + i + " " + unique(), tag));
        }
        var noDecode = RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        for (String encoding : List.of("gzip", "br")) {
            anonymous().config(noDecode).header("Accept-Encoding", encoding).queryParam("tag", tag).get(ARTICLES)
                    .then().statusCode(200).header("Content-Encoding", encoding);
        }
        anonymous().config(noDecode).header("Accept-Encoding", "identity").queryParam("tag", tag).get(ARTICLES)
                .then().statusCode(200).header("Content-Encoding", nullValue());
    }

    @Test
    void relatedArticlesManualLinksFirstThenMostSharedTags() {
        String a = "rel-a-" + unique();
        String b = "rel-b-" + unique();
        String c = "rel-c-" + unique();
        String oldTwoTags = createPublished(article("Oud, twee tags " + unique(), a, b));
        String threeTags = createPublished(article("Drie tags " + unique(), a, b, c));
        String newTwoTags = createPublished(article("Nieuw, twee tags " + unique(), a, b));
        String oneTag = createPublished(article("Een tag " + unique(), c));
        create(editor(), article("Concept met alle tags " + unique(), a, b, c));
        String manual = createPublished(article("Handmatig " + unique()));
        var input = article("Hoofd " + unique(), a, b, c);
        input.put("related", List.of(manual));
        String main = createPublished(input);

        anonymous().queryParam("limit", 10).get(ARTICLES + "/" + main + "/related").then().statusCode(200)
                .body("id", contains(manual, threeTags, newTwoTags, oldTwoTags, oneTag))
                .body("source", contains("manual", "tags", "tags", "tags", "tags"));
        anonymous().get(ARTICLES + "/" + main).then().body("related.id", contains(manual, threeTags, newTwoTags, oldTwoTags, oneTag));
        anonymous().queryParam("limit", 2).get(ARTICLES + "/" + main + "/related").then().body("id", contains(manual, threeTags));
        anonymous().queryParam("limit", 0).get(ARTICLES + "/" + main + "/related").then().statusCode(400);
        GraphQL.post(anonymous(), "query($id: ID) { article(id: $id) { related(first: 3) { id } } }",
                Map.of("id", main)).body("data.article.related.id", contains(manual, threeTags, newTwoTags));
    }

    @Test
    void dutchSearchStemsAndFoldsAccents() {
        String tag = "zoek-" + unique();
        var model = article("Een nieuw taalmodel " + unique(), tag);
        model.put("body", "Het bedrijf toont een model dat teksten schrijft in een café in Utrecht.");
        String modelId = createPublished(model);
        var other = article("Fietsen in de regen " + unique(), tag);
        other.put("body", "Over fietspaden en paraplu's.");
        createPublished(other);
        var draft = article("Geheim model " + unique(), tag);
        draft.put("body", "Modellen die nog niet af zijn.");
        create(editor(), draft);

        anonymous().queryParam("tag", tag).queryParam("q", "modellen").get(ARTICLES).then().statusCode(200)
                .body("data.id", contains(modelId))
                .body("data[0].highlight", containsString("<mark>model</mark>"));
        anonymous().queryParam("tag", tag).queryParam("q", "cafe").get(ARTICLES).then().body("data.id", contains(modelId));
        anonymous().queryParam("tag", tag).queryParam("q", "CAFÉ utrecht").get(ARTICLES).then().body("data.id", contains(modelId));
        GraphQL.post(anonymous(), "query($t: [String]) { articles(filter: {tags: $t, query: \"modellen\"}) { totalCount edges { highlight node { id } } } }",
                Map.of("t", List.of(tag))).body("errors", nullValue())
                .body("data.articles.totalCount", is(1))
                .body("data.articles.edges[0].highlight", containsString("<mark>"));
    }

    @Test
    void englishStemmingAndRankingTitleAboveLeadAboveBody() {
        String tag = "rank-" + unique();
        String word = "quokka" + unique().replaceAll("[0-9]", "");
        var inBody = article("Animals " + unique(), tag);
        inBody.put("language", "en");
        inBody.put("body", "Somewhere in this text a " + word + " is running around.");
        var inLead = article("Wildlife " + unique(), tag);
        inLead.put("language", "en");
        inLead.put("lead", "The " + word + " runs.");
        var inTitle = article("The " + word + " story " + unique(), tag);
        inTitle.put("language", "en");
        String body = createPublished(inBody);
        String lead = createPublished(inLead);
        String title = createPublished(inTitle);
        anonymous().queryParam("tag", tag).queryParam("q", word).get(ARTICLES).then()
                .body("data.id", contains(title, lead, body));
        anonymous().queryParam("tag", tag).queryParam("q", word + " runs").get(ARTICLES).then()
                .body("data.id", contains(lead, body)); // "running" and "runs" share the stem "run"
        anonymous().queryParam("tag", tag).queryParam("q", word).queryParam("sort", "-publishedAt").get(ARTICLES)
                .then().body("data.id", contains(title, lead, body));
        // Walking a search by cursor visits every hit once.
        String next = anonymous().queryParam("tag", tag).queryParam("q", word).queryParam("limit", 2).get(ARTICLES)
                .then().body("data.id", contains(title, lead)).extract().path("page.next");
        anonymous().queryParam("tag", tag).queryParam("q", word).queryParam("limit", 2).queryParam("cursor", next)
                .get(ARTICLES).then().body("data.id", contains(body)).body("page.next", nullValue());
    }

    @Test
    void relevanceRanksTheNewestMatchesAndListsTheOthersAfterThemUnranked() {
        // The test profile ranks the 3 newest matches (kopij.search.rank-candidates): here five match.
        String tag = "kandidaat-" + unique();
        String word = "wombat" + unique().replaceAll("[0-9]", "");
        String oldTitle = createPublished(english("The " + word + " returns " + unique(), null, "Nothing to see.", tag));
        String oldBody = createPublished(english("Grassland " + unique(), null, "A " + word + " was seen.", tag));
        String newTitle = createPublished(english("A " + word + " at night " + unique(), null, "Dark.", tag));
        String newBody = createPublished(english("Forest " + unique(), null, "Tracks of a " + word + ".", tag));
        String newLead = createPublished(english("Rivers " + unique(), "The " + word + " swims.", "Water.", tag));

        List<String> byRelevance = anonymous().queryParam("tag", tag).queryParam("q", word).get(ARTICLES).then()
                .statusCode(200).body("page.total", is(5)).extract().path("data.id");
        // Within the candidates title beats lead beats body; the older matches follow, whatever their fields.
        assertEquals(List.of(newTitle, newLead, newBody), byRelevance.subList(0, 3));
        assertEquals(Set.of(oldTitle, oldBody), Set.copyOf(byRelevance.subList(3, 5)));

        // Cursors walk candidates and the rest alike: every match once, in the same order, the total on every page.
        List<String> walked = new ArrayList<>();
        String next = null;
        do {
            var request = anonymous().queryParam("tag", tag).queryParam("q", word).queryParam("limit", 2);
            var page = (next == null ? request : request.queryParam("cursor", next)).get(ARTICLES).then()
                    .statusCode(200).body("page.total", is(5)).extract();
            walked.addAll(page.path("data.id"));
            next = page.path("page.next");
        } while (next != null);
        assertEquals(byRelevance, walked);
        anonymous().queryParam("tag", tag).queryParam("q", word).queryParam("page", 3).queryParam("limit", 2)
                .get(ARTICLES).then().body("data.id", contains(byRelevance.get(4))).body("page.total", is(5));

        // Date sorts rank nothing and see every match.
        anonymous().queryParam("tag", tag).queryParam("q", word).queryParam("sort", "-publishedAt").get(ARTICLES)
                .then().body("data.id", contains(newLead, newBody, newTitle, oldBody, oldTitle))
                .body("page.total", is(5));
        GraphQL.post(anonymous(), "query($t: [String], $q: String) { articles(filter: {tags: $t, query: $q}) "
                        + "{ totalCount edges { node { id } } } }", Map.of("t", List.of(tag), "q", word))
                .body("errors", nullValue()).body("data.articles.totalCount", is(5))
                .body("data.articles.edges.node.id", contains(byRelevance.toArray()));
    }

    @Test
    void aMatchDeepInALongBodyIsHighlighted() {
        String tag = "diep-" + unique();
        String filler = "Een lange inleiding over het weer in de polder. ".repeat(60);
        var deep = article("Lang verhaal " + unique(), tag);
        deep.put("body", filler + "Dan komt eindelijk het klimaatakkoord ter sprake. " + filler);
        createPublished(deep);
        anonymous().queryParam("tag", tag).queryParam("q", "klimaatakkoord").get(ARTICLES).then().statusCode(200)
                .body("data[0].highlight", containsString("<mark>klimaatakkoord</mark>"))
                .body("data[0].highlight", containsString("eindelijk"));
    }

    private static Map<String, Object> english(String title, String lead, String body, String tag) {
        var article = article(title, tag);
        article.put("language", "en");
        article.put("body", body);
        article.put("lead", lead != null ? lead : "A short introduction."); // the default lead repeats the title
        return article;
    }

    @Test
    void hostileQueriesAreAnswersOrProblemsNeverFailures() {
        for (String q : List.of("\"", "'; drop table article; --", "a & b | !c", "(((", "<script>alert(1)</script>",
                "-", "or or or", "\\", "model:*", "\u0000x", "😀")) {
            int status = anonymous().queryParam("q", q).get(ARTICLES).then().extract().statusCode();
            assertTrue(status == 200 || status == 400, "q=" + q + " answered " + status);
        }
        anonymous().queryParam("q", "x".repeat(10_000)).get(ARTICLES).then().statusCode(anyOf(400, 414));
        anonymous().queryParam("q", "y".repeat(201)).get(ARTICLES).then().statusCode(400).body("errors[0].field", is("q"));
        anonymous().queryParam("q", " ").get(ARTICLES).then().statusCode(400);
        anonymous().queryParam("sort", "relevance").get(ARTICLES).then().statusCode(400);
        String tag = "xss-" + unique();
        var evil = article("Script " + unique(), tag);
        evil.put("body", "Een tekst over a < b en <b>vet</b> x-marks.");
        createPublished(evil);
        String highlight = anonymous().queryParam("tag", tag).queryParam("q", "tekst").get(ARTICLES).then()
                .statusCode(200).extract().path("data[0].highlight");
        assertNotEquals(null, highlight);
        assertTrue(!highlight.contains("<b>") && highlight.contains("&lt;"), highlight);
    }

    private static Matcher<Integer> anyOf(int a, int b) {
        return Matchers.anyOf(is(a), is(b));
    }
}
