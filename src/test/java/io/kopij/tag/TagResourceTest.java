package io.kopij.tag;

import static io.kopij.support.Api.TAGS;
import static io.kopij.support.Api.anonymous;
import static io.kopij.support.Api.article;
import static io.kopij.support.Api.as;
import static io.kopij.support.Api.create;
import static io.kopij.support.Api.createPublished;
import static io.kopij.support.Api.editor;
import static io.kopij.support.Api.unique;
import static org.hamcrest.Matchers.is;
import io.kopij.shared.text.Slugs;
import io.kopij.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TagResourceTest {

    @Test
    void editorCreatesReplacesPatchesAndDeletes() {
        String name = "Kunstmatige intelligentie " + unique();
        var created = editor().contentType(ContentType.JSON).body(Map.of("name", name, "description", "AI"))
                .post(TAGS).then().statusCode(201).header("ETag", "\"0\"")
                .body("slug", is(Slugs.fromText(name))).body("articleCount", is(0))
                .extract();
        String location = created.header("Location");
        String slug = created.path("slug");
        anonymous().get(TAGS + "/by-slug/" + slug).then().statusCode(200).body("name", is(name));
        editor().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("name", name + " 2"))
                .put(location).then().statusCode(200).body("name", is(name + " 2")).body("description", is((String) null));
        editor().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("description", "oud")).patch(location).then().statusCode(412);
        editor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("description", "nieuw")).patch(location).then().statusCode(200).body("description", is("nieuw"));
        as("bob-" + unique(), Api.AUTHOR).contentType(ContentType.JSON).body(Map.of("name", "x" + unique()))
                .post(TAGS).then().statusCode(403);
        editor().contentType(ContentType.JSON).body(Map.of("name", name.toUpperCase() + " 2")).post(TAGS)
                .then().statusCode(409).body("code", is("tag.name-taken"));

        // Deleting a tag removes it from its articles and leaves the articles alone.
        String articleId = createPublished(article("Met tag " + unique(), slug));
        editor().delete(location).then().statusCode(204);
        anonymous().get(location).then().statusCode(404).body("code", is("tag.not-found"));
        anonymous().get("/api/v1/articles/" + articleId).then().statusCode(200).body("tags.size()", is(0));
    }

    @Test
    void articleCountCountsPublishedArticlesOnly() {
        String slug = "telling-" + unique();
        createPublished(article("Een " + unique(), slug));
        createPublished(article("Twee " + unique(), slug));
        create(editor(), article("Concept " + unique(), slug));
        anonymous().get(TAGS + "/by-slug/" + slug).then().statusCode(200).body("articleCount", is(2));
        anonymous().queryParam("limit", 100).get(TAGS).then().statusCode(200);
    }

    @Test
    void editorsUnknownTagsAreCreatedByName() {
        String name = "Nieuwe Tag " + unique();
        String id = create(editor(), article("Artikel " + unique(), name));
        editor().get("/api/v1/articles/" + id).then()
                .body("tags[0].name", is(name)).body("tags[0].slug", is(Slugs.fromText(name)));
        // The same name in another case finds the same tag.
        String second = create(editor(), article("Nog een " + unique(), name.toLowerCase()));
        editor().get("/api/v1/articles/" + second).then().body("tags[0].name", is(name));
    }
}
