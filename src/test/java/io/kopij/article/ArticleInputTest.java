package io.kopij.article;

import static io.kopij.support.Api.ARTICLES;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import io.kopij.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Hostile and malformed input: always a 4xx problem, never a 500, and nothing stored. */
@QuarkusTest
class ArticleInputTest {

    @Test
    void malformedJsonIsAProblemAndStoresNothing() {
        String tag = "kapot-" + unique();
        for (String body : List.of("{", "{\"title\": }", "[]", "\"tekst\"", "null", "{\"title\": \"x\",}", "")) {
            editor().contentType(ContentType.JSON).body(body).post(ARTICLES)
                    .then().log().ifValidationFails().statusCode(400).contentType("application/problem+json").body("status", is(400));
        }
        assertNothingTagged(tag);
    }

    @Test
    void wrongTypesNameTheField() {
        Map<String, Object> wrong = Map.of(
                "title", List.of("lijst"),
                "featured", "misschien",
                "related", List.of("geen-uuid"),
                "image", "https://alleen-een-string.nl",
                "tags", "niet-een-lijst");
        wrong.forEach((field, value) -> {
            var input = article("Type " + unique());
            input.put(field, value);
            editor().contentType(ContentType.JSON).body(input).post(ARTICLES)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", is("request.invalid"))
                    .body("errors[0].field", Matchers.startsWith(field));
        });
        var unknown = article("Onbekend veld");
        unknown.put("status", "published");
        editor().contentType(ContentType.JSON).body(unknown).post(ARTICLES)
                .then().statusCode(400).body("errors[0].field", is("status")).body("errors[0].message", is("unknown field"));
    }

    @Test
    void everyTextLimitPlusOneIsRefused() {
        String tag = "limiet-" + unique();
        String url = "https://example.nl/";
        List<Case> cases = List.of(
                new Case("title", a -> a.put("title", "t".repeat(201))),
                new Case("lead", a -> a.put("lead", "l".repeat(1001))),
                new Case("body", a -> a.put("body", "b".repeat(100_001))),
                new Case("slug", a -> a.put("slug", "s".repeat(97))),
                new Case("language", a -> a.put("language", "nl-" + "abcdefgh-".repeat(4))),
                new Case("image.url", a -> a.put("image", Map.of("url", url + "x".repeat(2049 - url.length())))),
                new Case("image.alt", a -> a.put("image", Map.of("url", url, "alt", "a".repeat(501)))),
                new Case("image.caption", a -> a.put("image", Map.of("url", url, "caption", "c".repeat(1001)))),
                new Case("seo.title", a -> a.put("seo", Map.of("title", "s".repeat(201)))),
                new Case("seo.description", a -> a.put("seo", Map.of("description", "d".repeat(501)))),
                new Case("seo.canonicalUrl", a -> a.put("seo", Map.of("canonicalUrl", url + "x".repeat(2049 - url.length())))),
                new Case("tags", a -> a.put("tags", numbered("t", 21))),
                new Case("authors", a -> a.put("authors", numbered("a", 11))),
                new Case("related", a -> a.put("related", Collections.nCopies(21, UUID.randomUUID().toString()))));
        for (Case c : cases) {
            var input = article("Limiet " + unique(), tag);
            c.mutation().accept(input);
            editor().contentType(ContentType.JSON).body(input).post(ARTICLES)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", is("request.invalid"))
                    .body("errors.field", hasItem(c.field()));
        }
        // At the limit it is fine.
        var atLimit = article("t".repeat(200), tag);
        atLimit.put("lead", "l".repeat(1000));
        atLimit.put("body", "b ".repeat(50_000));
        editor().contentType(ContentType.JSON).body(atLimit).post(ARTICLES).then().statusCode(201);
        editor().queryParam("tag", tag).queryParam("status", "draft").get(ARTICLES).then().body("page.total", is(1));
    }

    @Test
    void invalidValuesAreRefused() {
        Map<String, Object> invalid = Map.of(
                "title", "   ",
                "slug", "Hoofdletters En Spaties",
                "language", "nederlands!",
                "image", Map.of("url", "javascript:alert(1)"),
                "seo", Map.of("canonicalUrl", "data:text/html,hoi"));
        invalid.forEach((field, value) -> {
            var input = article("Ongeldig " + unique());
            input.put(field, value);
            editor().contentType(ContentType.JSON).body(input).post(ARTICLES)
                    .then().statusCode(400).body("errors[0].field", Matchers.startsWith(field));
        });
    }

    @Test
    void oversizedBodyWrongContentTypeAndMethodAreProblems() {
        var huge = article("Te groot");
        huge.put("body", "x".repeat(1_100_000));
        editor().contentType(ContentType.JSON).body(huge).post(ARTICLES).then().statusCode(413)
                .contentType("application/problem+json").body("code", is("request.too-large"));
        editor().contentType(ContentType.TEXT).body("title=x").post(ARTICLES)
                .then().statusCode(415).contentType("application/problem+json")
                .body("code", is("request.unsupported-media-type"))
                .body("detail", Matchers.containsString("application/json"));
        editor().contentType(ContentType.JSON).body(Map.of("title", "x")).patch(ARTICLES + "/" + UUID.randomUUID())
                .then().statusCode(415).body("detail", Matchers.containsString("application/merge-patch+json"));
        editor().delete(ARTICLES).then().statusCode(405).contentType("application/problem+json");
        editor().get(ARTICLES + "/niet-een-uuid").then().statusCode(404).contentType("application/problem+json");
        editor().get("/api/v1/bestaat-niet").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void rejectedPatchChangesNothing() {
        String id = Api.create(editor(), article("Onaangetast " + unique()));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("title", "")).patch(ARTICLES + "/" + id).then().statusCode(400);
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("tags", List.of("x"), "related", List.of(id))).patch(ARTICLES + "/" + id)
                .then().statusCode(422);
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("[1,2]").patch(ARTICLES + "/" + id).then().statusCode(400);
        editor().get(ARTICLES + "/" + id).then().statusCode(200).body("version", is(0)).body("tags.size()", is(0));
    }

    private static void assertNothingTagged(String tag) {
        editor().queryParam("tag", tag).queryParam("status", "draft,published").get(ARTICLES)
                .then().statusCode(200).body("page.total", is(0));
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(prefix + i);
        }
        return values;
    }

    private record Case(String field, Consumer<Map<String, Object>> mutation) {
    }
}
